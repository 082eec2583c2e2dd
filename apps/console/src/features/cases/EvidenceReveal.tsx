import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import type { EvidenceReveal } from './use-evidence-reveal';
import './evidence-reveal.css';

/** A reported message's text under the reveal rule: blurred, and silent to screen readers, until revealed. */
export function ReportedMessageBody({
  body,
  destroyedAt,
  blurred,
  className,
}: {
  body: string | null;
  destroyedAt: string | null;
  blurred: boolean;
  className: string;
}) {
  if (body === null) return <DestroyedContent at={destroyedAt} className={className} />;
  if (!blurred) return <p className={className}>{body}</p>;
  return (
    <>
      <p className={`${className} reveal-body`} data-blurred="true" aria-hidden="true">
        {body}
      </p>
      <span className="visually-hidden">Hidden until you reveal the evidence.</span>
    </>
  );
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** Where retention destroyed stored content: said plainly, so nobody mistakes it for an empty message. */
export function DestroyedContent({ at, className }: { at: string | null; className: string }) {
  return (
    <p className={`${className} content-destroyed`}>
      Content destroyed under retention
      {at && (
        <>
          {' '}
          on <time dateTime={at}>{day.format(new Date(at))}</time>
        </>
      )}
    </p>
  );
}

/** The reveal button (its shortcut, r, works anywhere on the case page) and why it failed, if it did. */
export function RevealEvidenceButton({ reveal, shortcut = true }: { reveal: EvidenceReveal; shortcut?: boolean }) {
  return (
    <Button
      size="sm"
      onPress={reveal.reveal}
      isPending={reveal.isRevealing}
      aria-keyshortcuts={shortcut ? 'r' : undefined}
    >
      Reveal evidence {shortcut && <Kbd decorative>r</Kbd>}
    </Button>
  );
}

export function RevealError({ reveal }: { reveal: EvidenceReveal }) {
  return reveal.error && <ErrorAlert error={reveal.error} title="The evidence could not be revealed" />;
}
