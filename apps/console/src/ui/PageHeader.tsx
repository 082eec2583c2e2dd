import type { ReactNode } from 'react';
import './page.css';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The top of every page: its h1 (which takes focus after navigation, see AppLayout), the
 * document title, and the page's main actions.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <title>{`${title} · Docket`}</title>
      <div className="page-heading">
        <h1 tabIndex={-1}>{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

/** The bordered surface a page's main content sits on. */
export function Panel({ children }: { children: ReactNode }) {
  return <section className="panel">{children}</section>;
}
