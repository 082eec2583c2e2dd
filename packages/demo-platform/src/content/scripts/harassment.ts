import { bystander, flagged, peer, type Script, subject } from '../script';

export const harassment: Script = {
  category: 'harassment',
  weight: 21,
  sources: { user_report: 100 },
  openings: ['friends', 'stranger'],
  groupChance: 0.3,
  turns: [
    {
      lines: [
        subject('why did you ignore me yesterday'),
        peer('I was busy, and honestly I need some space'),
        flagged('you don’t get to ignore me'),
        flagged('answer me. I’ll keep messaging until you do'),
        peer('please stop'),
      ],
      after: [
        flagged('still ignoring me?'),
        flagged('fine, I’ll tell everyone what you’re really like'),
        peer('leave me alone'),
      ],
      reporterTexts: [
        'This person keeps messaging me after I asked them to stop. It’s been days.',
        'I asked for space and they say they will keep messaging until I answer',
      ],
    },
    {
      lines: [
        flagged('nobody in {group} actually likes you, you know that right'),
        bystander('dude that’s not cool'),
        flagged('everyone is laughing at you behind your back'),
        peer('why are you saying this'),
      ],
      after: [flagged('told the whole {group} group what a loser you are'), peer('please just stop')],
      reporterTexts: [
        'They keep telling me nobody likes me and everyone laughs at me',
        'Being bullied in messages, please make it stop',
      ],
    },
    {
      lines: [
        flagged('you’re pathetic, seriously'),
        peer('what did I even do to you'),
        flagged('just delete your account, no one wants you here'),
      ],
      after: [flagged('you still haven’t deleted your account? pathetic'), peer('leave me alone')],
      reporterTexts: ['Insulting me and telling me to delete my account', 'mean messages every day'],
    },
    {
      lines: [
        peer('I asked you to stop messaging me'),
        flagged('you can block me, I’ll just make another account'),
        flagged('you can’t get rid of me that easily'),
      ],
      after: [flagged('made a new account, told you'), peer('stop. I’m reporting this'), flagged('go ahead')],
      reporterTexts: [
        'They said they will make new accounts if I block them',
        'I asked them to leave me alone several times and they won’t',
      ],
    },
  ],
  reporterTexts: ['This person won’t leave me alone', 'harassment', ''],
  bystanderTexts: [
    'Someone in our group chat keeps picking on my friend',
    'This user is bullying another member of our group, it’s getting worse',
  ],
  followUpTexts: [
    'Reported this already and it’s still happening',
    'It started again right after my last report',
    'Still getting messages from them, please do something',
  ],
};
