import { type RefObject, useEffect } from 'react';

/**
 * After the server rejects a form, move focus to the first field it marked invalid, so the
 * person lands on what to fix (its message is announced with the field).
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
  }, [formRef, error]);
}
