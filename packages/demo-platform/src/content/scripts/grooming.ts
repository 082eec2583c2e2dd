import { flagged, peer, type Script, subject } from '../script';

// An adult befriending a minor and steering them into secrecy; described, never depicted.
export const grooming: Script = {
  category: 'grooming',
  weight: 4,
  sources: { user_report: 80, legal_request: 12, automated: 8 },
  openings: ['stranger'],
  groupChance: 0,
  subjectAges: ['adult'],
  peerAges: ['minor'],
  turns: [
    {
      lines: [
        subject('you seem really mature for your age honestly'),
        peer('haha thanks i guess'),
        flagged('let’s keep our chats between us, your parents wouldn’t understand'),
        flagged('add me on {app}, it’s more private there'),
        peer('idk why'),
      ],
      after: [
        flagged('did you download {app} yet?'),
        flagged('remember, don’t tell anyone about me'),
        peer('i dont really want to'),
      ],
      reporterTexts: ['This person wants me to move to another app and keep it from my parents'],
    },
    {
      lines: [
        subject('how old are you again?'),
        peer('14'),
        flagged('cool. don’t tell anyone we talk ok? it’s our secret'),
        flagged('I can buy you that {item} you wanted. just don’t mention me to your mum'),
      ],
      after: [flagged('come on, I thought we were friends. just between us'), peer('my mum is asking who i talk to')],
      reporterTexts: ['He says he is older, offered to buy me a {item} and wants me not to tell anyone we talk'],
    },
    {
      lines: [
        flagged('delete our messages after you read them, ok?'),
        peer('why'),
        flagged('people might get the wrong idea. let’s move to {app}'),
      ],
      after: [flagged('did you delete them like I asked?'), peer('no')],
      reporterTexts: ['An adult keeps asking me to delete our messages and move to another app'],
    },
  ],
  reporterTexts: [
    'An adult keeps messaging me and told me to keep it secret from my parents',
    'parent here: an adult is messaging my child and asking them to keep secrets',
  ],
  followUpTexts: ['He is still messaging me', 'Reported already, he keeps asking me to keep it secret'],
  legalMatter: 'an investigation into the solicitation of a minor',
  automatedSignal: 'child-safety model: adult–minor secrecy and off-platform move',
};
