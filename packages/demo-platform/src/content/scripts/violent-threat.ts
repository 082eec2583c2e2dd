import { bystander, flagged, peer, type Script, subject } from '../script';

export const violentThreat: Script = {
  category: 'violent_threat',
  weight: 6,
  sources: { user_report: 88, legal_request: 12 },
  openings: ['friends', 'stranger'],
  groupChance: 0.25,
  turns: [
    {
      lines: [
        subject('you think you can just say that about me?'),
        peer('I didn’t say anything about you'),
        flagged('I know where you live and you’ll regret it'),
        peer('are you threatening me?'),
      ],
      after: [
        flagged('I drove past your house today'),
        peer('I’m calling the police'),
        flagged('they can’t watch you all the time'),
      ],
      reporterTexts: [
        'This person says they know where I live and that I will regret it',
        'They threatened to come to my house. I’m scared.',
      ],
    },
    {
      lines: [
        flagged('watch your back when you leave {place} on {day}'),
        peer('what is that supposed to mean'),
        flagged('you’ll find out. I’ll be waiting'),
      ],
      after: [flagged('{day}. I’ll be there'), peer('leave me alone')],
      reporterTexts: ['Threatening messages, says they will be waiting for me at {place}'],
    },
    {
      lines: [
        flagged('if I see you at {place} again you won’t walk away from it'),
        bystander('calm down man'),
        flagged('I mean it, I’ll hurt you'),
      ],
      after: [flagged('still mean it. stay away from {place}'), peer('I’ve saved all of this')],
      reporterTexts: ['They said they will hurt me if they see me at {place}'],
    },
  ],
  reporterTexts: ['Got a threat from this account, please look at it urgently', 'threatening to hurt me'],
  bystanderTexts: [
    'Someone in our group chat threatened to hurt my friend',
    'Serious threat against another member of the chat',
  ],
  followUpTexts: ['They are still threatening me', 'The threats have continued since my last report'],
  legalMatter: 'a criminal investigation into threats made against a resident',
};
