import type { ReactNode, Ref } from 'react';
import type { ApiError } from '../api/api-error';
import './alert.css';

export interface AlertProps {
  tone?: 'error' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
  /** Quoted when someone reports the problem; the server logs it. */
  requestId?: string | null;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A message block. Errors use role="alert" so screen readers announce them the moment they
 * appear; the rest use role="status". tabIndex -1 lets a form move focus to it.
 */
export function Alert({ tone = 'error', title, children, requestId, ref }: AlertProps) {
  return (
    <div ref={ref} role={tone === 'error' ? 'alert' : 'status'} className={`alert alert-${tone}`} tabIndex={-1}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div className="alert-body">{children}</div>}
      {requestId && (
        <p className="alert-meta">
          Request id <code>{requestId}</code>
        </p>
      )}
    </div>
  );
}

/** An API failure as an alert: the server's own explanation and its request id. */
export function ErrorAlert({ error, title, ref }: { error: ApiError; title?: string; ref?: Ref<HTMLDivElement> }) {
  return (
    <Alert ref={ref} title={title} requestId={error.requestId}>
      {error.detail}
    </Alert>
  );
}
