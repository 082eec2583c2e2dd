import { Link, useRouteError } from 'react-router';
import { isApiError } from '../../api/api-error';
import { RouteError } from '../../app/RouteError';
import { PageHeader, Panel } from '../../ui/PageHeader';

/**
 * A case that cannot be opened: someone else holds it, the lease ran out, it was decided, or it
 * does not exist. Anything else is an ordinary page error.
 */
export function CaseError() {
  const error = useRouteError();
  if (isApiError(error) && error.status === 409) {
    return <CaseUnavailable title="This case is not yours to open">{error.detail}</CaseUnavailable>;
  }
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return <CaseUnavailable title="No such case">There is no case at this address.</CaseUnavailable>;
  }
  return <RouteError />;
}

function CaseUnavailable({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="page">
      <PageHeader title={title} />
      <Panel>
        <div className="notice-body">
          <p>{children}</p>
          <p>Cases are opened by claiming them from a queue, and stay yours while the page is open.</p>
          <p>
            <Link to="/queues">Back to queues</Link>
          </p>
        </div>
      </Panel>
    </div>
  );
}
