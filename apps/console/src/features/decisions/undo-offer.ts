/**
 * The decision just recorded, while its decider may still undo it (ADR 043): one offer at a time,
 * shared by the toast above every page and whatever recorded the decision. The countdown runs on
 * this browser's clock from the window the server gave, ending a little early, since the server's
 * clock is the one that refuses.
 */
import { useSyncExternalStore } from 'react';

export interface UndoOffer {
  decisionIds: string[];
  caseIds: string[];
  /** What was decided, as the toast says it. */
  summary: string;
  /** Browser time (ms) after which the server would refuse. */
  deadline: number;
}

// Time for the undo request to reach the server before its window closes.
const MARGIN_MS = 500;

let current: UndoOffer | null = null;
const listeners = new Set<() => void>();

function publish(offer: UndoOffer | null) {
  current = offer;
  for (const listener of listeners) listener();
}

/** Offers an undo for decisions recorded together; nothing when the server gives no window. */
export function offerUndo(input: {
  decisionIds: string[];
  caseIds: string[];
  summary: string;
  decidedAt: string;
  undoUntil: string;
}): void {
  const windowMs = Date.parse(input.undoUntil) - Date.parse(input.decidedAt) - MARGIN_MS;
  if (!(windowMs > 0)) return;
  const { decidedAt: _decidedAt, undoUntil: _undoUntil, ...offer } = input;
  publish({ ...offer, deadline: Date.now() + windowMs });
}

export function withdrawUndo(): void {
  publish(null);
}

export function useUndoOffer(): UndoOffer | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
