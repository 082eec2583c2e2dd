import { useRef, useState } from 'react';
import { TextField as AriaTextField, Input, Label } from 'react-aria-components';
import { Button } from './Button';
import './copy-field.css';
import './field.css';

type Outcome = 'copied' | 'selected' | null;

const COPY_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C';

/**
 * A read-only value with a Copy button. The Clipboard API needs a secure context and the
 * browser's consent; where either is missing the value is selected instead, ready for Ctrl+C.
 */
export function CopyField({ label, value, autoFocus }: { label: string; value: string; autoFocus?: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  function selectValue() {
    inputRef.current?.focus();
    inputRef.current?.select();
  }

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API here');
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      selectValue();
      setOutcome('selected');
    }
  }

  return (
    <AriaTextField value={value} isReadOnly className="field copy-field">
      <Label className="field-label">{label}</Label>
      <div className="copy-field-row">
        <Input
          ref={inputRef}
          className="field-input copy-field-input mono"
          spellCheck="false"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button size="sm" onPress={copy} aria-label={`Copy ${label.toLowerCase()}`} autoFocus={autoFocus}>
          Copy
        </Button>
      </div>
      <span role="status" className="copy-field-status">
        {outcome === 'copied' && 'Copied to the clipboard.'}
        {outcome === 'selected' && `The browser did not allow copying; the text is selected, press ${COPY_SHORTCUT}.`}
      </span>
    </AriaTextField>
  );
}
