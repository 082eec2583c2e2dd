import { flagged, peer, type Script, subject } from '../script';

export const other: Script = {
  category: 'other',
  weight: 9,
  sources: { user_report: 95, legal_request: 5 },
  openings: ['stranger', 'friends'],
  groupChance: 0.15,
  turns: [
    {
      lines: [
        flagged('hey it’s me, lost my old account, this is my new one'),
        peer('wait, which friend?'),
        flagged('it’s me from {group}! can you vote for me in a contest? just send me the code you get'),
      ],
      after: [flagged('why are you being like this, just send the code'), peer('you’re not my friend')],
      reporterTexts: [
        'This account is pretending to be my friend',
        'Impersonating someone I know and asking for a code',
      ],
    },
    {
      lines: [
        subject('found out where you work btw'),
        flagged('I posted your address and phone number in the {group} group, good luck'),
        peer('take that down right now'),
      ],
      after: [flagged('already shared it in two more groups'), peer('I’m reporting you')],
      reporterTexts: [
        'They posted my personal information without asking me',
        'My address and number were shared in a group',
      ],
    },
    {
      lines: [
        flagged('selling copies of designer bags, half the price of the shop, nobody can tell the difference'),
        peer('are they real though?'),
        flagged('close enough haha'),
      ],
      after: [flagged('new stock of copies in, want the list?'), peer('no')],
      reporterTexts: ['Selling fake designer stuff', 'counterfeit goods'],
    },
  ],
  reporterTexts: ['Not sure which category fits, but this isn’t ok', ''],
  followUpTexts: ['Still going on', 'They did it again after my last report'],
  legalMatter: 'a civil court order concerning impersonation',
};
