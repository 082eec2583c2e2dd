/**
 * The case finder's filters and order, kept in the URL so a list survives a reload and can be
 * sent to a colleague. Unknown values are dropped rather than sent for the API to refuse.
 */
import { CASE_AGES, CASE_SORTS, CATEGORIES, REPORT_SOURCES, SLA_STATES } from '@docket/contracts';

const CHOICES = {
  status: ['open', 'awaiting_confirmation', 'decided', 'any'],
  category: CATEGORIES,
  urgent: ['true', 'false'],
  minors: ['true', 'false'],
  held: ['true', 'false'],
  source: REPORT_SOURCES,
  sla: SLA_STATES,
  age: CASE_AGES,
  sort: CASE_SORTS,
} as const satisfies Record<string, readonly string[]>;

export type ChoiceField = keyof typeof CHOICES;
export const CHOICE_FIELDS = Object.keys(CHOICES) as ChoiceField[];

export type CaseFilters = { q?: string; queueId?: string } & { [F in ChoiceField]?: (typeof CHOICES)[F][number] };

export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const filters: Record<string, string> = {};
  for (const field of ['q', 'queueId'] as const) {
    const value = params.get(field)?.trim();
    if (value) filters[field] = value.slice(0, 200);
  }
  for (const field of CHOICE_FIELDS) {
    const value = params.get(field);
    if (value && (CHOICES[field] as readonly string[]).includes(value)) filters[field] = value;
  }
  return filters as CaseFilters;
}

export function filtersToParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(filters)) if (value) params.set(field, value);
  return params;
}

export function choicesOf(field: ChoiceField): readonly string[] {
  return CHOICES[field];
}
