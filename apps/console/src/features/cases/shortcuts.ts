import { DECISION_ACTIONS } from '@docket/contracts';
import { MOD_KEY } from '../../ui/Kbd';
import { actionLabel } from './decision-actions';

export interface Shortcut {
  /** Alternatives; `+` joins keys pressed together. */
  keys: readonly string[];
  description: string;
}

/** Every keyboard shortcut of the review workflow, as the shortcuts dialog lists them. */
export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Queues',
    shortcuts: [
      { keys: ['j', '↓'], description: 'Next queue' },
      { keys: ['k', '↑'], description: 'Previous queue' },
      { keys: ['Enter', 'c'], description: 'Start reviewing the focused queue' },
    ],
  },
  {
    title: 'Case',
    shortcuts: [
      { keys: ['r'], description: 'Reveal blurred evidence' },
      ...DECISION_ACTIONS.map((action, index) => ({ keys: [String(index + 1)], description: actionLabel(action) })),
      { keys: ['p'], description: 'Choose the policy' },
      { keys: ['u'], description: 'Write the public reason the user reads (restricting actions)' },
      { keys: ['e'], description: 'Write the internal note' },
      { keys: [`${MOD_KEY}+Enter`], description: 'Record the decision and open the next case' },
      { keys: ['s'], description: 'Skip: give the case back and open the next one' },
      { keys: ['t'], description: 'Show or hide the timeline' },
      { keys: ['Esc'], description: 'Close the timeline, or leave the field you are typing in' },
    ],
  },
  {
    title: 'Case lists',
    shortcuts: [
      { keys: ['Space'], description: 'Select the focused open case' },
      { keys: ['Shift+↓', 'Shift+↑'], description: 'Extend the selection' },
      { keys: [`${MOD_KEY}+A`], description: 'Select every open case listed' },
      { keys: ['d'], description: 'Decide the selected cases together' },
    ],
  },
  {
    title: 'Anywhere in the review workflow',
    shortcuts: [
      { keys: ['?'], description: 'Show these shortcuts' },
      { keys: ['z'], description: 'Undo the decision just recorded, while its countdown runs' },
    ],
  },
];
