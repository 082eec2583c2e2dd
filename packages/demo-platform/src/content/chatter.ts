/**
 * Ordinary conversation: how chats open and the small talk before anything goes wrong.
 * An exchange alternates between two speakers, `a` speaking first.
 */
import type { Opening } from './script';

export type Exchange = readonly string[];

export const OPENINGS: Record<Opening, readonly Exchange[]> = {
  friends: [
    ['hey {name}!', 'heyy what’s up'],
    ['yo', 'yo, you alive? haven’t heard from you in ages'],
    ['morning {name}', 'morning :) you up early'],
    ['hiii', 'hi! was literally about to text you'],
    ['{name} you there?', 'yeah just got home'],
  ],
  stranger: [
    ['hey, saw you in the {group} chat, hope it’s ok to message', 'oh hi, sure'],
    ['hi {name}! love your posts', 'aw thanks, who is this?'],
    ['hey, we have a few friends in common I think', 'maybe? what’s your name'],
    ['hi, you commented on my post about {activity}', 'oh right, hey'],
    ['hello! are you the {name} from {group}?', 'haha yeah that’s me'],
  ],
  marketplace: [
    ['hi, is the {item} still available?', 'hi, yes it is'],
    ['hello, interested in your {item}. still for sale?', 'yep, still have it'],
    [
      'hey, saw your listing for the {item}',
      'hi! yes it’s available',
      'what condition is it in?',
      'pretty good, barely used',
    ],
    ['hi {name}, is {price} the final price for the {item}?', 'could do a bit less if you pick it up'],
  ],
};

export const SMALL_TALK: readonly Exchange[] = [
  ['how was your {day}?', 'pretty chill, went to {place}', 'nice, who with?', 'just a couple of friends'],
  ['did you watch {show}?', 'not yet, no spoilers!!', 'ok ok my lips are sealed'],
  ['I’m so tired today', 'same, couldn’t sleep', 'coffee time then'],
  ['what are you up to?', 'nothing much, just {activity}', 'sounds relaxing'],
  ['the weather is so weird lately', 'right? sunny one minute then pouring'],
  ['did you get the {food} in the end?', 'yes and it was amazing', 'jealous'],
  ['how’s work going?', 'busy but ok', 'at least it’s almost the weekend'],
  ['lol did you see what happened in {group}', 'no what', 'someone posted the same photo three times', 'classic'],
  ['I started {activity} again', 'oh nice, how’s that going', 'slowly haha'],
  ['my phone is dying, might go quiet', 'np'],
  ['have you finished the {homework} yet?', 'almost, it’s so long', 'same, due {day}'],
  ['guess who I saw at {place}', 'who??', 'the guy from {group}', 'no way'],
  [
    'listening to the new album on repeat',
    'which one?',
    'the one everyone is talking about',
    'still need to check it out',
  ],
  ['sorry, was busy earlier', 'all good'],
  ['what did you have for lunch', '{food}', 'good choice'],
];

export const PLANNING: readonly Exchange[] = [
  ['want to go to {place} on {day}?', 'sure, what time?', '{time}?', 'works for me'],
  ['are we still on for {day}?', 'yes! meet at {place}', 'perfect'],
  ['can you bring the charger next time', 'yeah will do'],
  ['we should do {activity} sometime', 'definitely, {day} maybe?', 'let me check and get back to you'],
  ['running 10 min late sorry', 'no worries'],
  ['who else is coming {day}?', 'probably just us and maybe two others'],
  ['let’s get {food} after', 'yesss'],
];
