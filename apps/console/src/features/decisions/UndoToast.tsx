import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { useHotkeys } from '../../ui/use-hotkeys';
import { useNow } from '../../ui/use-now';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import { useUndoDecisions } from './undo-mutation';
import { type UndoOffer, useUndoOffer, withdrawUndo } from './undo-offer';
import './decisions.css';

/**
 * After every decision, for as long as it can be undone: what was decided, a countdown, and Undo
 * (the button, or `z` from anywhere). Once undone, the cases are the decider's again.
 */
export function UndoToast() {
  const offer = useUndoOffer();
  const undo = useUndoDecisions();
  const [undone, setUndone] = useState<UndoOffer | null>(null);
  // A new decision replaces the last one's offer, and its outcome.
  useEffect(() => {
    if (offer) setUndone(null);
  }, [offer]);

  function undoNow() {
    if (!offer) return;
    undo.mutate(offer.decisionIds, {
      onSuccess: () => {
        setUndone(offer);
        withdrawUndo();
      },
    });
  }
  // The countdown withdraws the offer when it ends, and with it the key.
  useHotkeys({ z: () => (offer && !undo.isPending ? undoNow() : false) });

  if (undone) {
    const [only] = undone.caseIds;
    return (
      <section className="undo-toast" aria-label="Decision undone">
        <p role="status">
          Undone: {undone.caseIds.length === 1 ? 'the case is' : `${undone.caseIds.length} cases are`} yours again, and
          the platform was told nothing.
        </p>
        {undone.caseIds.length === 1 && only && (
          <Link to={casePath(only)} className="btn btn-sm" onClick={() => setUndone(null)}>
            Resume case {caseRef(only)}
          </Link>
        )}
        <Button size="sm" variant="quiet" onPress={() => setUndone(null)}>
          Dismiss
        </Button>
      </section>
    );
  }
  if (!offer) {
    return undo.isError ? (
      <section className="undo-toast undo-toast-error" aria-label="Undo failed">
        <p role="alert">{isApiError(undo.error) ? undo.error.detail : 'The undo did not go through.'}</p>
        <Button size="sm" variant="quiet" onPress={() => undo.reset()}>
          Dismiss
        </Button>
      </section>
    ) : null;
  }
  return (
    <section className="undo-toast" aria-label="Undo the last decision">
      <p>
        {offer.summary}. <Countdown deadline={offer.deadline} isHeld={undo.isPending} />.
      </p>
      <Button size="sm" variant="primary" onPress={undoNow} isPending={undo.isPending}>
        Undo {offer.decisionIds.length > 1 ? `${offer.decisionIds.length} decisions` : 'decision'}
      </Button>
      <Kbd decorative>z</Kbd>
    </section>
  );
}

/** Seconds left, ticking only while an offer stands; at zero the offer goes (unless an undo is on its way). */
function Countdown({ deadline, isHeld }: { deadline: number; isHeld: boolean }) {
  const now = useNow(250);
  const seconds = Math.ceil((deadline - now) / 1000);
  useEffect(() => {
    if (seconds <= 0 && !isHeld) withdrawUndo();
  }, [seconds, isHeld]);
  return (
    <span role="timer" aria-live="off">
      Takes effect in {Math.max(seconds, 0)} s
    </span>
  );
}
