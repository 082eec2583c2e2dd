import { CATEGORIES } from '@docket/contracts';
import { categoryLabel } from '../queues/categories';
import type { ChoiceField } from './find-filters';

/** What each filter choice reads as; `''` is "no filter". */
export const CHOICE_LABELS: { [F in ChoiceField]: { label: string; any: string; values: Record<string, string> } } = {
  status: {
    label: 'Status',
    any: 'Any status',
    values: { open: 'Open', awaiting_confirmation: 'Awaiting confirmation', decided: 'Decided', any: 'Any status' },
  },
  category: {
    label: 'Category',
    any: 'Any category',
    values: Object.fromEntries(CATEGORIES.map((category) => [category, categoryLabel(category)])),
  },
  urgent: { label: 'Urgency', any: 'Urgent or not', values: { true: 'Urgent only', false: 'Not urgent' } },
  minors: { label: 'Minors', any: 'With or without', values: { true: 'Involves a minor', false: 'No minor' } },
  held: { label: 'Held', any: 'Held or not', values: { true: 'Held now', false: 'Not held' } },
  source: {
    label: 'Source',
    any: 'Any source',
    values: { user_report: 'User report', legal_request: 'Legal request', automated: 'Automated' },
  },
  sla: { label: 'SLA', any: 'Any SLA state', values: { overdue: 'Overdue', on_time: 'On time' } },
  age: {
    label: 'Age',
    any: 'Any age',
    values: { under_1h: 'Under an hour', over_1h: 'Over an hour', over_24h: 'Over a day', over_7d: 'Over a week' },
  },
  sort: {
    label: 'Order',
    any: 'Priority',
    values: { priority: 'Priority', oldest: 'Oldest first', newest: 'Newest first', sla: 'SLA due first' },
  },
};

export const STATUS_LABELS: Record<string, string> = CHOICE_LABELS.status.values;
