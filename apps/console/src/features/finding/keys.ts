import type { CaseFilters } from './find-filters';

/** Query keys of finding: case lists by filters, and account histories. */
export const findingKeys = {
  all: ['finding'] as const,
  cases: (filters: CaseFilters) => [...findingKeys.all, 'cases', filters] as const,
  account: (id: string) => [...findingKeys.all, 'account', id] as const,
};

export function accountPath(id: string): string {
  return `/accounts/${encodeURIComponent(id)}`;
}

export function findPath(filters: CaseFilters): string {
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value) as [string, string][]);
  return `/cases${search.size > 0 ? `?${search}` : ''}`;
}
