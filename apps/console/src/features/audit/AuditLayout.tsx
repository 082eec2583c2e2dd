import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ChainStatus } from './ChainStatus';
import '../../ui/tabs.css';
import './audit.css';

/** The auditors' section: the log itself, and access reviews. Message content never appears here. */
export function AuditLayout() {
  return (
    <div className="page">
      <PageHeader
        title="Audit"
        description="Every action, read and sign-in in Docket, in a tamper-evident log. Auditors see what happened, never message content."
      />
      <ChainStatus />
      <nav aria-label="Audit" className="tabs">
        <NavLink to="/audit" end className="tab">
          Events
        </NavLink>
        <NavLink to="/audit/access-review" className="tab">
          Access review
        </NavLink>
        <NavLink to="/audit/bundles" className="tab">
          Export &amp; verify
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
