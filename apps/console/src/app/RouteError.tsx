import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { isApiError } from '../api/api-error';
import { NoAccess } from '../features/auth/NoAccess';
import { signInPath } from '../features/auth/next-path';
import { ErrorAlert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { PageHeader, Panel } from '../ui/PageHeader';
import { NotFound } from './NotFound';

/** What a route shows when its loader or component fails: refused, missing, or broken. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();

  if (isRouteErrorResponse(error) && error.status === 403) return <NoAccess />;
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isApiError(error) && error.code === 'forbidden') return <NoAccess />;

  if (isApiError(error) && error.status === 401) {
    // Normally the session-ended handler is already moving to sign-in; this is the fallback.
    return (
      <ErrorPage title="Your session ended">
        <p>
          <Link to={signInPath({ reason: 'session-ended' })}>Sign in again</Link>
        </p>
      </ErrorPage>
    );
  }

  if (isApiError(error)) {
    return (
      <ErrorPage title="This page could not be loaded">
        <ErrorAlert error={error} />
        <div className="error-actions">
          <Button onPress={() => revalidator.revalidate()} isPending={revalidator.state === 'loading'}>
            Try again
          </Button>
          <Link to="/">Go to your home page</Link>
        </div>
      </ErrorPage>
    );
  }

  const message = error instanceof Error ? error.message : String(error);
  return (
    <ErrorPage title="Something went wrong in the console">
      <p>
        The page hit an unexpected error. Reloading usually clears it; if it keeps happening, report it with this text:
      </p>
      <pre className="error-detail">{message}</pre>
      <div className="error-actions">
        <Button onPress={() => window.location.reload()}>Reload</Button>
      </div>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="page">
      <PageHeader title={title} />
      <Panel>
        <div className="notice-body">{children}</div>
      </Panel>
    </div>
  );
}
