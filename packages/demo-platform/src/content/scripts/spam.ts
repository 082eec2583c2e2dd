import { bystander, flagged, peer, type Script } from '../script';

export const spam: Script = {
  category: 'spam',
  weight: 22,
  sources: { user_report: 70, automated: 30 },
  openings: ['stranger'],
  groupChance: 0.35,
  subjectIsNewAccount: true,
  turns: [
    {
      lines: [flagged('🔥 Huge sale today only, 80% off everything: {link}'), peer('who is this?')],
      after: [flagged('Last chance!!! Sale ends tonight {link}'), flagged('Last chance!!! Sale ends tonight {link}')],
      reporterTexts: ['This account is sending the same sale link to everyone', 'ads from an account I don’t know'],
    },
    {
      lines: [
        flagged('Follow me and I follow back!! 100% real'),
        flagged('Check my page for giveaways {link}'),
        bystander('not this again'),
      ],
      after: [flagged('New giveaway just dropped!! {link}'), peer('blocking you')],
      reporterTexts: [
        'Follow-for-follow spam with a giveaway link',
        'This account posts the same giveaway link everywhere',
      ],
    },
    {
      lines: [flagged('Earn {amount} a week from home, no experience needed. DM me for details'), peer('no thanks')],
      after: [flagged('Only 3 spots left! Earn {amount} a week from home'), peer('I said no')],
      reporterTexts: ['Spamming “earn money from home” messages', 'work from home spam'],
    },
    {
      lines: [
        flagged('Congratulations! You were selected for a free {item}. Claim here: {link}'),
        peer('stop sending me this'),
      ],
      after: [flagged('Your free {item} is still waiting for you! {link}'), peer('blocking you')],
      reporterTexts: [
        'Fake prize message with a link, I never entered anything',
        'Says I won a free {item}, obviously spam',
      ],
    },
  ],
  reporterTexts: ['Random account keeps sending me ads', 'spam', 'Looks like a bot, same message over and over', ''],
  bystanderTexts: ['This account joined our group chat and only posts ads', 'spam bot in our group'],
  followUpTexts: ['Still sending spam after I reported it', 'Same account, more links today'],
  automatedSignal: 'bulk-messaging detector: identical message sent to 140+ recipients in 10 minutes',
};
