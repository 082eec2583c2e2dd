import { Link } from 'react-router';
import { PageHeader, Panel } from '../../ui/PageHeader';

/** Shown instead of a page the signed-in person lacks the permission for. */
export function NoAccess() {
  return (
    <div className="page">
      <PageHeader title="You don't have access to this page" />
      <Panel>
        <div className="notice-body">
          <p>
            Your roles do not include the permission this page needs. If you need it for your work, ask an
            administrator.
          </p>
          <p>
            <Link to="/">Go to your home page</Link>
          </p>
        </div>
      </Panel>
    </div>
  );
}
