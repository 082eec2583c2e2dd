import type { CaseDetail } from '@docket/contracts';
import { useEffect, useRef } from 'react';
import { Timestamp } from '../../ui/Timestamp';
import { CaseSection } from './CaseSection';

/** What happened to the case, oldest first, from the audit log. Opened with `t`; takes focus. */
export function TimelineSection({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <CaseSection id="case-timeline" title="Timeline" count={timeline.length} headingRef={headingRef}>
      {timeline.length === 0 ? (
        <p className="case-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline">
          {/* Entries have no id; the audit log never reorders them. */}
          {timeline.map((entry, index) => (
            <li key={index} className="timeline-entry">
              <Timestamp value={entry.at} />
              <span className="timeline-summary">{entry.summary}</span>
              <span className="timeline-meta">
                <code>{entry.action}</code>
                {entry.actor && <> · {entry.actor}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}
