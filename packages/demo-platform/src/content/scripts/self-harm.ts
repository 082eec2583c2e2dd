import { bystander, flagged, peer, type Script, subject } from '../script';

// The reported account is the person at risk; the reporter is worried about them.
export const selfHarm: Script = {
  category: 'self_harm',
  weight: 4,
  sources: { user_report: 92, automated: 8 },
  openings: ['friends'],
  groupChance: 0.2,
  turns: [
    {
      lines: [
        subject('can I tell you something'),
        peer('of course, what’s up'),
        flagged('I don’t see the point of anything anymore'),
        flagged('I think everyone would be better off without me'),
        peer('hey, please don’t say that. I’m here'),
      ],
      after: [flagged('sorry for being a burden to everyone'), peer('you are not a burden. can we talk tonight?')],
      reporterTexts: ['I’m really worried about this person, they said everyone would be better off without them'],
    },
    {
      lines: [
        flagged('I’m so tired of everything. I’ve decided I’m going to end things this weekend'),
        peer('{name} please talk to me, I’m worried about you'),
        subject('it’s fine, don’t worry about it'),
      ],
      after: [
        peer('are you ok? you went quiet'),
        flagged('I meant what I said. I’ve made up my mind'),
        peer('please call the helpline, or I can come over'),
      ],
      reporterTexts: [
        'My friend is talking about ending their life this weekend. I don’t know what to do, please help',
      ],
    },
    {
      lines: [
        flagged('I’ve been saying goodbye to people today'),
        bystander('what do you mean goodbye?'),
        flagged('I just don’t want to be here anymore'),
        peer('can I call you right now?'),
      ],
      after: [flagged('thank you for being a good friend. goodbye'), peer('please pick up your phone')],
      reporterTexts: ['Friend is saying goodbye to people and says they don’t want to be here. Please check on them'],
    },
  ],
  reporterTexts: ['Please help, my friend is not ok', 'I’m scared for my friend’s safety'],
  bystanderTexts: [
    'Someone in our group chat is saying worrying things about not wanting to be here. Please help them',
  ],
  followUpTexts: [
    'They said it again today and stopped answering',
    'Still very worried, it sounds like they have made up their mind',
  ],
  automatedSignal: 'wellbeing classifier: expressed intent to self-harm',
};
