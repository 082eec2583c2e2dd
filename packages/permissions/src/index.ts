/**
 * Docket's one permission vocabulary. The API checks these names on every route and the
 * console uses the same names to show or hide what a person can do. Names read
 * `action:entity[:scope]`; each entry says exactly what it grants.
 */

export const ROLES = ['reviewer', 'supervisor', 'auditor', 'admin', 'legal'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  reviewer: 'Works report queues: claims cases, reads reported evidence, requests access, decides.',
  supervisor:
    'Everything a reviewer does, plus approving or denying access, revoking grants, reviewing break-glass use and reassigning cases.',
  auditor: 'Searches, exports and verifies the audit log; runs access reviews. Never reads content.',
  admin: 'Manages staff accounts, roles, queues, service accounts and keys. Never reads content.',
  legal:
    'Law-enforcement response and counsel: records and decides legal requests, places preservation holds, produces disclosures. Works no report queues; reads content only inside a grant bound to an accepted legal request.',
};

export const PERMISSIONS = {
  'read:queue': 'See queues and their counts (open cases, oldest, SLA breaches).',
  'claim:case': 'Claim the next case in a queue, release or skip it, and renew its lease.',
  'read:case':
    'Open a case held by you, or any decided case read-only: reports, reported evidence, account facts, conversation metadata. Find cases and look up an account’s history (metadata).',
  'decide:case': 'Record a decision on a case you hold.',
  'request:access': 'File, and cancel, your own time-limited access requests to a conversation.',
  'read:conversation':
    'Read conversation content inside a live grant issued to you (the grant is still checked on every read).',
  'use:break_glass': 'Open a short self-granted window on an urgent case, flagged for supervisor review.',
  'approve:access': "Approve or deny other people's access requests (never your own).",
  'revoke:access': 'See active grants and revoke them early.',
  'review:break_glass': 'Mark a break-glass use as justified or not after the fact.',
  'manage:case': 'See who holds which case; reassign or release cases; confirm suspensions and referrals.',
  'read:dashboard':
    'See your own work figures: decisions per day, time to decision, your access requests and grants, your break-glass use.',
  'read:team_dashboard':
    "See the team's dashboard: queue depth and age over time, SLA breaches, and every reviewer's work figures.",
  'read:audit': 'Search and read the audit log, trace grants, run access reviews. Never message content.',
  'export:audit': 'Export audit bundles for offline verification.',
  'read:staff': 'List staff accounts and their roles.',
  'manage:staff': 'Create staff accounts, change their roles, disable and enable them.',
  'manage:queue': 'Create and edit queues and the policy catalog.',
  'manage:service_account': 'Create, disable and rotate platform service accounts.',
  'manage:keys': 'Rotate encryption and signing keys.',
  'manage:webhook':
    'Register, rotate, disable and test outbound webhook endpoints; read their delivery log and redeliver. Never message content.',
  'read:transparency':
    'See the statements of reasons sent to the EU Transparency Database and whether each was accepted. Never message content.',
  'publish:transparency':
    'Preview transparency reports computed from the audit log and publish them (each publication is an audit event with the report’s hash). Never message content.',
  'read:legal':
    'See legal requests, their history, preservation holds and the retention schedule. Never message content.',
  'record:legal_request':
    "Record an authority's order, acknowledge, review, produce and close it; decide notice for its targets.",
  'decide:legal_request': 'Accept, narrow or reject a legal request recorded by someone else (never your own).',
  'manage:hold': 'Place, extend and release preservation holds on accounts and conversations.',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSIONS;

const REVIEWER: readonly Permission[] = [
  'read:queue',
  'claim:case',
  'read:case',
  'decide:case',
  'request:access',
  'read:conversation',
  'use:break_glass',
  'read:dashboard',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reviewer: REVIEWER,
  supervisor: [
    ...REVIEWER,
    'approve:access',
    'revoke:access',
    'review:break_glass',
    'manage:case',
    'read:team_dashboard',
  ],
  auditor: ['read:audit', 'export:audit', 'read:transparency', 'publish:transparency'],
  admin: [
    'read:staff',
    'manage:staff',
    'manage:queue',
    'manage:service_account',
    'manage:keys',
    'manage:webhook',
    'read:transparency',
  ],
  legal: ['read:legal', 'record:legal_request', 'decide:legal_request', 'manage:hold'],
};

export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
