/** Word lists for handles, so that a million accounts read like a real platform's users. */

const words = (text: string) => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  maya jordan liam sofia noah amara ethan lina omar zoe lucas aisha mateo chloe kai priya leo hana eli nora
  sam yusuf ivy diego mila finn sara ravi ella theo jade marco nia ben luna adam rosa tariq emma jonas
  kiara felix anya malik isla hugo mei oscar leah arjun tess dev nadia max ruby jin clara ali fatima tom
  grace ivan layla alex ines kofi vera sean yara milo
`);

export const SURNAME_INITIALS = 'abcdefghijklmnoprstvwz';

export const ADJECTIVES = words(`
  quiet lazy tiny salty cosmic sunny rusty misty lucky wild sleepy fuzzy neon velvet golden frosty silent brave happy odd
`);

export const NOUNS = words(`
  fox otter panda comet pixel mango raven tiger cactus waffle badger koala falcon noodle lynx pebble cloud moth biscuit orbit
`);

export const HOBBIES = words('skates draws codes bakes lifts plays runs builds films reads');

// Repeated empty strings make a bare handle the most common case.
export const HANDLE_SUFFIXES = ['', '', '_', 'x', '.jpg', '_official', '.irl', 'xo'];
