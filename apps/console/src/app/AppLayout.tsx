import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { isApiError } from '../api/api-error';
import { AccessLive, PendingRequestsBadge } from '../features/access/AccessLive';
import { hasPermission } from '../features/auth/permissions';
import { sessionQuery } from '../features/auth/session-query';
import { useSignOut } from '../features/auth/sign-out-mutation';
import { useSessionWatch } from '../features/auth/use-session-watch';
import { HeldCaseBanner } from '../features/cases/HeldCaseBanner';
import { UndoToast } from '../features/decisions/UndoToast';
import { PreferencesDialog } from '../features/preferences/PreferencesDialog';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { visibleNavItems } from './navigation';
import './layout.css';

/** The signed-in frame: header with navigation and account, then the current page. */
export function AppLayout() {
  const { data: session, dataUpdatedAt } = useSuspenseQuery(sessionQuery());
  useSessionWatch(session, dataUpdatedAt);
  useFocusPageOnNavigate();
  const navigation = useNavigation();
  const signOut = useSignOut();
  const navItems = visibleNavItems(session.permissions);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="app-brand">
          Docket
        </Link>
        <nav aria-label="Main" className="app-nav">
          <ul>
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>
                  {item.label}
                  {item.to === '/access' && <PendingRequestsBadge />}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-account">
          <div className="app-account-who">
            <span className="app-account-name">{session.user.displayName}</span>
            <span className="app-account-roles">
              <span className="visually-hidden">Roles: </span>
              {session.user.roles.join(' · ')}
            </span>
          </div>
          {signOut.isError && !(isApiError(signOut.error) && signOut.error.status === 401) && (
            <span role="alert" className="app-account-error">
              Sign-out failed. Try again.
            </span>
          )}
          {/* The one preference today is about evidence, which only people who open cases see. */}
          {hasPermission(session, 'read:case') && <PreferencesDialog triggerClassName="app-header-button" />}
          <Button
            size="sm"
            className="app-header-button"
            onPress={() => signOut.mutate()}
            isPending={signOut.isPending}
          >
            Sign out
          </Button>
        </div>
      </header>
      {/* Live access events: request outcomes for reviewers; the inbox and break-glass notices for supervisors. */}
      {(hasPermission(session, 'request:access') || hasPermission(session, 'approve:access')) && <AccessLive />}
      {hasPermission(session, 'claim:case') && <HeldCaseBanner />}
      {/* After each decision, for its few seconds before it takes effect (ADR 043). */}
      {hasPermission(session, 'decide:case') && <UndoToast />}
      <div className="app-progress" data-active={navigation.state !== 'idle' || undefined} aria-hidden="true" />
      <main id="main" tabIndex={-1} className="app-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function PageLoading() {
  return (
    <div className="page page-loading" role="status">
      <Spinner /> Loading…
    </div>
  );
}

/**
 * After moving to another page (including arriving from sign-in), put focus on its heading so
 * keyboard and screen-reader users start at the top of the new content, not on the link they
 * used. A fresh page load is left alone: there the browser starts at the top, skip link first.
 */
function useFocusPageOnNavigate() {
  const { pathname, key } = useLocation();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const isFirstRender = previous.current === null;
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (isFirstRender && key === 'default') return;
    const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
    target?.focus();
  }, [pathname, key]);
}
