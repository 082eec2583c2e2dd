import type { Role } from '@docket/permissions';

const LABELS: Record<Role, string> = {
  reviewer: 'Reviewer',
  supervisor: 'Supervisor',
  auditor: 'Auditor',
  admin: 'Admin',
  legal: 'Legal officer',
};

export function roleLabel(role: Role): string {
  return LABELS[role];
}
