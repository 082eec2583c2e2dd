import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts for a page. Keys are `KeyboardEvent.key` values (`j`, `?`, `Escape`,
 * `ArrowDown`), plus `mod+Enter` for Ctrl+Enter / ⌘+Enter. A handler that returns `false` did
 * not use the key, which then goes on to the focused element as usual.
 */
export type Hotkeys = Partial<Record<string, (event: KeyboardEvent) => unknown>>;

// While someone types, letters are text: only submitting and leaving stay shortcuts.
const WHILE_TYPING: ReadonlySet<string> = new Set(['mod+Enter', 'Escape']);

const TEXT_ENTRY =
  'textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])';

// Dialogs, menus and open lists own their keys (Escape, arrows, typeahead).
const OWNS_ITS_KEYS =
  '[role=dialog], [role=alertdialog], [role=menu], [role=listbox], [role=combobox][aria-expanded=true]';

function keyName(event: KeyboardEvent): string | null {
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) return event.key === 'Enter' ? 'mod+Enter' : null;
  return event.key;
}

export function useHotkeys(hotkeys: Hotkeys): void {
  const current = useRef(hotkeys);
  useEffect(() => {
    current.current = hotkeys;
  });

  useEffect(() => {
    // Capture phase: a table's typeahead must not see `j` before the page's shortcut does.
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const key = keyName(event);
      const handler = key ? current.current[key] : undefined;
      if (!key || !handler) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest(OWNS_ITS_KEYS)) return;
      if ((target?.isContentEditable || target?.matches(TEXT_ENTRY)) && !WHILE_TYPING.has(key)) return;
      if (handler(event) === false) return;
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
