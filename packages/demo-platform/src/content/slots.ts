/**
 * Values for the `{slot}`s in lines. A conversation picks one value per slot up front, so that
 * "{place}" means the same place every time it comes up. Links use the reserved `.example`
 * domain so nothing in a demo points anywhere real.
 */
import type { Random } from '../random';

const VALUES = {
  place: [
    'the park',
    'the library',
    'the mall',
    'the skate park',
    'Nico’s',
    'the pool',
    'the cinema',
    'the food court',
  ],
  day: ['Saturday', 'Sunday', 'Friday', 'tomorrow', 'the weekend', 'Thursday'],
  time: ['3', '4:30', '6', '7', 'noon', 'after lunch'],
  activity: ['gaming', 'drawing', 'running', 'baking', 'guitar', 'photography', 'climbing', 'reading'],
  show: ['the finale', 'that baking show', 'the new season', 'the documentary'],
  food: ['pizza', 'ramen', 'tacos', 'bubble tea', 'burgers', 'dumplings'],
  homework: ['essay', 'project', 'lab report', 'math sheet'],
  group: ['photography', 'gaming', 'book club', 'local runners', 'study group', 'music'],
  item: ['bike', 'camera', 'concert tickets', 'gaming headset', 'desk', 'phone'],
  price: ['$80', '$120', '$150', '$200', '$45'],
  app: ['Chatterly', 'WhisperBox', 'Hushline', 'PingMe'],
  amount: ['$300', '$500', '$250', '$1,000', '$400'],
  giftCard: ['gift cards', 'a prepaid card', 'crypto'],
  link: [
    'https://secure-verify.example/login',
    'https://free-prizes.example/claim',
    'https://crypto-yield.example/join',
    'https://parcel-track.example/pay',
    'https://promo-deals.example/now',
  ],
  agency: [
    'Regional Cybercrime Unit',
    'State Police Digital Investigations',
    'National Child Protection Unit',
    'District Attorney’s Office',
  ],
  ref: ['LR-2026-0412', 'LR-2026-1187', 'LR-2026-0905', 'CR-55-20931', 'DA-2026-310'],
  score: ['0.91', '0.94', '0.97', '0.99', '0.88'],
} satisfies Record<string, readonly string[]>;

export type SlotName = keyof typeof VALUES;
export type Slots = Record<SlotName, string> & { name: string };

export function pickSlots(random: Random): Omit<Slots, 'name'> {
  const slots = {} as Record<SlotName, string>;
  for (const key of Object.keys(VALUES) as SlotName[]) slots[key] = random.pick(VALUES[key]);
  return slots;
}

const SLOT = /\{(\w+)\}/g;

export function fill(template: string, slots: Slots): string {
  if (!template.includes('{')) return template;
  return template.replace(SLOT, (match, key: string) => (slots as Record<string, string>)[key] ?? match);
}
