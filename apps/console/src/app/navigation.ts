import type { Permission } from '@docket/permissions';

export interface NavItem {
  to: string;
  label: string;
  /** The one permission that shows this item (and that the page's loader requires). */
  permission: Permission;
}

/** The console's sections, in menu order. The first one a person can see is their home. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/queues', label: 'Queues', permission: 'read:queue' },
  { to: '/supervision', label: 'Supervision', permission: 'manage:case' },
  { to: '/dashboard', label: 'Dashboard', permission: 'read:dashboard' },
  { to: '/access', label: 'Access requests', permission: 'approve:access' },
  { to: '/audit', label: 'Audit', permission: 'read:audit' },
  { to: '/legal', label: 'Legal', permission: 'read:legal' },
  { to: '/staff', label: 'Staff', permission: 'read:staff' },
  { to: '/service-accounts', label: 'Service accounts', permission: 'manage:service_account' },
  { to: '/webhooks', label: 'Webhooks', permission: 'manage:webhook' },
  { to: '/queue-settings', label: 'Queues & policies', permission: 'manage:queue' },
  { to: '/tdb-submissions', label: 'Transparency DB', permission: 'read:transparency' },
  { to: '/transparency-reports', label: 'Transparency reports', permission: 'publish:transparency' },
  { to: '/holds', label: 'Holds & retention', permission: 'read:legal' },
];

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}

export function homePathFor(permissions: readonly string[]): string | null {
  return visibleNavItems(permissions)[0]?.to ?? null;
}
