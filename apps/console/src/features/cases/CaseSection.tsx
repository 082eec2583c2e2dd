import type { ReactNode, Ref } from 'react';

export interface CaseSectionProps {
  id: string;
  title: string;
  count?: number;
  /** Buttons beside the title. */
  actions?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

/** One titled block of the case view; its heading names the region for screen readers. */
export function CaseSection({ id, title, count, actions, headingRef, children }: CaseSectionProps) {
  return (
    <section className="case-section" aria-labelledby={`${id}-title`}>
      <div className="case-section-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {title}
          {count !== undefined && <span className="case-count"> {count}</span>}
        </h2>
        {actions && <div className="case-section-actions">{actions}</div>}
      </div>
      <div className="case-section-body">{children}</div>
    </section>
  );
}
