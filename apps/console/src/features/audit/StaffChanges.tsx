import type { RoleChange } from '@docket/contracts';
import { isApiError, networkError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { Timestamp } from '../../ui/Timestamp';
import { useStaffReview } from './staff-review-query';

const OUTCOME: Record<RoleChange['status'], string> = {
  pending: 'requested, waiting',
  confirmed: 'confirmed',
  rejected: 'rejected',
};

/** Who was given or lost which role in the period, by whom, and links used from the issuing admin's own desk. */
export function StaffChanges({ period }: { period: { from: string; to: string } }) {
  const review = useStaffReview(period);
  return (
    <section aria-labelledby="staff-changes" className="audit-staff-changes">
      <h2 id="staff-changes">Role changes and enrolments</h2>
      {review.isPending ? (
        <p role="status">
          <Spinner /> Loading role changes…
        </p>
      ) : review.isError ? (
        <ErrorAlert
          error={isApiError(review.error) ? review.error : networkError()}
          title="Could not load role changes"
        />
      ) : (
        <>
          {review.data.flaggedLinks.map((link) => (
            <Alert
              key={link.linkId}
              title={`${link.staff.username}: ${link.purpose === 'enrol' ? 'enrolled' : 'reset'} from the issuing admin’s ${[link.sameAddress && 'address', link.sameSession && 'session'].filter(Boolean).join(' and ')}`}
            >
              Link issued by {link.issuedBy?.username ?? 'the operator'}, used <Timestamp value={link.usedAt} /> from{' '}
              {link.ip ?? 'an unknown address'} ({link.userAgent ?? 'no user agent'}). One person may hold both
              accounts.
            </Alert>
          ))}
          <Panel>
            {review.data.roleChanges.length === 0 ? (
              <EmptyState title="No role changes in this period" />
            ) : (
              <ul className="audit-role-changes">
                {review.data.roleChanges.map((change) => (
                  <li key={change.id}>
                    <Badge tone={change.change === 'remove' ? 'danger' : 'accent'}>
                      {change.change === 'remove' ? 'removed' : OUTCOME[change.status]}
                    </Badge>{' '}
                    <strong>{change.role}</strong> for <span className="mono">{change.staff.username}</span>: asked by{' '}
                    <span className="mono">{change.requestedBy.username}</span> <Timestamp value={change.requestedAt} />
                    {change.decidedBy && (
                      <>
                        , {OUTCOME[change.status]} by <span className="mono">{change.decidedBy.username}</span>{' '}
                        <Timestamp value={change.decidedAt} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
    </section>
  );
}
