import { permissionsFor, type Role } from '@docket/permissions';
import { describe, expect, it } from 'vitest';
import { homePathFor, visibleNavItems } from './navigation';

const labelsFor = (...roles: Role[]) => visibleNavItems([...permissionsFor(roles)]).map((item) => item.label);

describe('navigation by permission', () => {
  it('shows a reviewer Queues and their own Dashboard', () => {
    expect(labelsFor('reviewer')).toEqual(['Queues', 'Dashboard']);
  });

  it('shows a supervisor Queues, Supervision, the Dashboard and Access requests', () => {
    expect(labelsFor('reviewer', 'supervisor')).toEqual(['Queues', 'Supervision', 'Dashboard', 'Access requests']);
  });

  it('shows an auditor Audit, the Transparency DB submissions and Transparency reports', () => {
    expect(labelsFor('auditor')).toEqual(['Audit', 'Transparency DB', 'Transparency reports']);
  });

  it('shows an admin Staff, Service accounts, Webhooks, Queues & policies and Transparency DB', () => {
    expect(labelsFor('admin')).toEqual([
      'Staff',
      'Service accounts',
      'Webhooks',
      'Queues & policies',
      'Transparency DB',
    ]);
  });

  it('shows a legal officer only the legal desk and holds', () => {
    expect(labelsFor('legal')).toEqual(['Legal', 'Holds & retention']);
  });

  it('sends each person home to the first page they can see', () => {
    expect(homePathFor([...permissionsFor(['reviewer'])])).toBe('/queues');
    expect(homePathFor([...permissionsFor(['auditor'])])).toBe('/audit');
    expect(homePathFor([...permissionsFor(['admin'])])).toBe('/staff');
    expect(homePathFor([])).toBeNull();
  });
});
