import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import type { EvidenceReveal } from './use-evidence-reveal';
import './evidence-reveal.css';

/** A reported message's text under the reveal rule: blurred, and silent to screen readers, until revealed. */
export function ReportedMessageBody({
  body,
  blurred,
  className,
}: {
  body: string;
  blurred: boolean;
  className: string;
}) {
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

/** The reveal button (its shortcut, r, works anywhere on the case page) and why it failed, if it did. */
export function RevealEvidenceButton({ reveal }: { reveal: EvidenceReveal }) {
  return (
    <Button size="sm" onPress={reveal.reveal} isPending={reveal.isRevealing} aria-keyshortcuts="r">
      Reveal evidence <Kbd decorative>r</Kbd>
    </Button>
  );
}

export function RevealError({ reveal }: { reveal: EvidenceReveal }) {
  return reveal.error && <ErrorAlert error={reveal.error} title="The evidence could not be revealed" />;
}
