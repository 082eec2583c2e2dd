import { flagged, peer, type Script, subject } from '../script';

// Risk to a child short of grooming: meeting requests, requests for photos and personal details.
export const childSafety: Script = {
  category: 'child_safety',
  weight: 4,
  sources: { user_report: 75, legal_request: 15, automated: 10 },
  openings: ['stranger'],
  groupChance: 0,
  subjectAges: ['adult', 'unknown'],
  peerAges: ['minor'],
  turns: [
    {
      lines: [
        subject('which school do you go to?'),
        peer('why?'),
        flagged('I could pick you up after school on {day}, don’t tell your parents'),
        flagged('we can go to {place}, just the two of us'),
      ],
      after: [flagged('so are we meeting on {day}? I’ll wait at {place}'), peer('no. leave me alone')],
      reporterTexts: ['An adult I don’t know wants to meet me after school and said not to tell my parents'],
    },
    {
      lines: [
        subject('you said you’re in year 8 right?'),
        flagged('send me a photo of you in your school uniform'),
        peer('i don’t want to'),
        flagged('come on, nobody will know'),
      ],
      after: [flagged('still waiting for that photo'), peer('stop messaging me')],
      reporterTexts: [
        'This person keeps asking my daughter for photos of herself',
        'Someone keeps asking me for pictures. I’m 13',
      ],
    },
    {
      lines: [
        flagged('what’s your home address? I want to send you a present'),
        peer('my parents said not to give that out'),
        flagged('they don’t need to know, it’s a surprise'),
      ],
      after: [flagged('just the street name then'), peer('no')],
      reporterTexts: ['An adult is asking my son for our home address and says not to tell us'],
    },
  ],
  reporterTexts: [
    'Adult asking a child weird questions, please check',
    'I’m a minor and this adult makes me uncomfortable',
  ],
  followUpTexts: ['He is still messaging after I said no', 'Still going on, please do something'],
  legalMatter: 'a child protection investigation',
  automatedSignal: 'child-safety model: adult seeking contact with a minor',
};
