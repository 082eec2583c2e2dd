import type { ReactNode } from 'react';
import './kbd.css';

/**
 * A key to press, as printed on the keyboard. Hidden from screen readers where it only decorates
 * a control whose name already says what it does; the shortcuts dialog reads them out in full.
 */
export function Kbd({ children, decorative = false }: { children: ReactNode; decorative?: boolean }) {
  return (
    <kbd className="kbd" aria-hidden={decorative || undefined}>
      {children}
    </kbd>
  );
}

/** The modifier printed in shortcuts: ⌘ on Apple keyboards, Ctrl elsewhere. */
export const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
