import { flagged, peer, type Script, subject } from '../script';

export const scamFraud: Script = {
  category: 'scam_fraud',
  weight: 19,
  sources: { user_report: 80, automated: 12, legal_request: 8 },
  openings: ['marketplace', 'stranger'],
  groupChance: 0.05,
  subjectIsNewAccount: true,
  turns: [
    {
      lines: [
        subject('I can pay now but I’m away, my courier will collect'),
        flagged('I sent the payment, you just need to confirm it here: {link}'),
        peer('it’s asking for my card details?'),
        flagged('yes that’s normal, it’s how they release the money'),
      ],
      after: [
        flagged('Did you confirm yet? The payment gets cancelled in an hour'),
        peer('I’m not entering my card details'),
      ],
      reporterTexts: [
        'This person is pretending to buy my {item} and sent a fake payment link',
        'Fake buyer, the “payment confirmation” link asks for my card details',
      ],
    },
    {
      lines: [
        subject('I’ve been making really good money with a trading platform'),
        flagged('If you invest {amount} today you get double back in a week, guaranteed'),
        peer('that sounds too good to be true'),
        flagged('my mentor can set it up for you, just send the {amount} to this wallet first'),
      ],
      after: [
        flagged('Why haven’t you sent it yet? The offer expires today'),
        peer('I’m not sending anything'),
        flagged('you’re going to lose out'),
      ],
      reporterTexts: [
        'Crypto investment scam, promising to double my money',
        'Trying to get me to send money to a crypto wallet',
      ],
    },
    {
      lines: [
        subject('Hello, this is the platform support team'),
        flagged('Your account will be closed in 24 hours unless you verify it at {link}'),
        peer('why would support message me here?'),
        flagged('Please share the 6-digit code we just sent you to confirm your identity'),
      ],
      after: [flagged('Final notice: verify now or lose your account {link}'), peer('reported')],
      reporterTexts: [
        'Pretending to be support and asked for my login code',
        'Fake support account sending a phishing link',
      ],
    },
    {
      lines: [
        subject('I feel like we have a real connection'),
        flagged('I’m stuck abroad and my bank card is blocked, could you lend me {amount}? I’ll pay you back Friday'),
        peer('I don’t really know you though'),
        flagged('please, I wouldn’t ask if it wasn’t urgent. {giftCard} is fine'),
      ],
      after: [flagged('Just send half then, please. I thought you cared'), peer('no')],
      reporterTexts: [
        'Asked me for money, I don’t know them. Probably a romance scam',
        'Wants me to send {giftCard}, says they are stuck abroad',
      ],
    },
  ],
  reporterTexts: ['I think this is a scam', 'scammer', 'This account is trying to get money out of people', ''],
  followUpTexts: ['They are still asking for money after I said no', 'Still trying the same scam'],
  legalMatter: 'a fraud investigation involving several victims',
  automatedSignal: 'link-reputation check: known phishing domain',
};
