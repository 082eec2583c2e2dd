import { useState } from 'react';
import { useLocation } from 'react-router';

/** Navigation state carrying a sentence for the next page's status message. */
export function withNotice(notice: string): { notice: string } {
  return { notice };
}

/**
 * The status message of a page: what the previous page handed over when it navigated here
 * ("Decision recorded"), and whatever this page says next. Lives in state, not in the URL.
 */
export function useRouteNotice(): [string | null, (message: string | null) => void] {
  const { state } = useLocation();
  return useState<string | null>(() => {
    const notice = (state as { notice?: unknown } | null)?.notice;
    return typeof notice === 'string' ? notice : null;
  });
}
