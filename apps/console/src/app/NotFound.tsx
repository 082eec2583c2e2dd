import { Link } from 'react-router';
import { PageHeader, Panel } from '../ui/PageHeader';

export function NotFound() {
  return (
    <div className="page">
      <PageHeader title="Page not found" />
      <Panel>
        <div className="notice-body">
          <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
          <p>
            <Link to="/">Go to your home page</Link>
          </p>
        </div>
      </Panel>
    </div>
  );
}
