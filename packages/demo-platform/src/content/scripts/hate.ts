import { bystander, flagged, peer, type Script, subject } from '../script';

export const hate: Script = {
  category: 'hate',
  weight: 8,
  sources: { user_report: 85, automated: 15 },
  openings: ['friends', 'stranger'],
  groupChance: 0.45,
  turns: [
    {
      lines: [
        subject('saw your profile, figured you were one of them'),
        flagged('people like you shouldn’t be allowed in this country'),
        peer('excuse me?'),
        flagged('go back to where you came from'),
      ],
      after: [flagged('still here? thought you’d have left by now'), peer('blocking you')],
      reporterTexts: ['Racist comments, telling me to leave the country', 'Told me to go back to where I came from'],
    },
    {
      lines: [
        flagged('honestly people of your religion are all the same, can’t trust any of you'),
        bystander('that’s really not ok to say'),
        peer('wow'),
      ],
      after: [flagged('I’ll say what I want about your religion'), peer('reported')],
      reporterTexts: ['This user is attacking me for my religion'],
    },
    {
      lines: [
        flagged('your kind ruin every neighbourhood they move into'),
        peer('I’m not doing this with you'),
        flagged('you know it’s true'),
      ],
      after: [flagged('no one wants your people around here'), peer('stop')],
      reporterTexts: ['Sent me hateful messages about my ethnicity'],
    },
  ],
  reporterTexts: ['hate speech', 'Hateful messages aimed at me because of who I am'],
  bystanderTexts: [
    'Someone in our group keeps posting hateful stuff',
    'Hateful comments aimed at a member of our group',
  ],
  followUpTexts: ['Still sending hateful messages', 'Reported before, they are doing it again'],
  automatedSignal: 'hate-speech classifier: attack on a protected characteristic',
};
