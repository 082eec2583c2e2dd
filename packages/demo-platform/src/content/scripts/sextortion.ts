import { flagged, peer, type Script, subject } from '../script';

export const sextortion: Script = {
  category: 'sextortion',
  weight: 3,
  sources: { user_report: 85, legal_request: 15 },
  openings: ['stranger'],
  groupChance: 0,
  subjectAges: ['adult', 'unknown'],
  subjectIsNewAccount: true,
  turns: [
    {
      lines: [
        subject('remember our video call? I saved everything'),
        flagged('Pay {amount} in {giftCard} by tonight or I share your private images with all your followers'),
        peer('please don’t do this'),
        flagged('I already have your friends list. Don’t test me'),
      ],
      after: [
        flagged('clock is ticking. {amount} or everyone sees them'),
        peer('I’m going to the police'),
        flagged('they can’t stop me'),
      ],
      reporterTexts: [
        'They are demanding money and threatening to share private images of me with my followers. Please help',
      ],
    },
    {
      lines: [
        flagged('I have private pictures of you. If you don’t pay {amount} I send them to your family'),
        peer('I don’t have that much money'),
        flagged('then find it. you have 24 hours'),
      ],
      after: [flagged('why haven’t you paid? last warning'), peer('please leave me alone')],
      reporterTexts: ['This person says they will send private pictures to my family unless I pay {amount}'],
    },
  ],
  reporterTexts: ['Being blackmailed for money, please help', 'They are threatening me and want money'],
  followUpTexts: ['They set a new deadline and keep threatening me', 'Still demanding payment'],
  legalMatter: 'an extortion investigation',
};
