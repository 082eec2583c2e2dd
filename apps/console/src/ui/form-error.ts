import { useMemo } from 'react';
import type { ApiError } from '../api/api-error';

export interface FormErrorState {
  /** Per-field messages for the form's `validationErrors`. */
  validationErrors: Record<string, string> | undefined;
  /** The error to show above the form when no field can carry it (409, 403, 5xx, network…). */
  summary: ApiError | null;
}

/** Splits an API failure into what the form's fields show and what needs an alert. */
export function formErrorState(error: ApiError | null, fieldNames: readonly string[]): FormErrorState {
  if (!error) return { validationErrors: undefined, summary: null };
  const validationErrors = error.fieldErrorMap();
  const names = Object.keys(validationErrors);
  const allOnFields = names.length > 0 && names.every((name) => fieldNames.includes(name));
  return { validationErrors, summary: allOnFields ? null : error };
}

/**
 * formErrorState, stable for as long as the error is the same. The form clears a field's server
 * error when the person edits that field, but only while it keeps receiving the same object.
 */
export function useFormError(error: ApiError | null, fieldNames: readonly string[]): FormErrorState {
  const key = fieldNames.join();
  return useMemo(() => formErrorState(error, fieldNames), [error, key]);
}

/**
 * Wraps a field's onChange so the server's verdict goes as soon as the person edits, not when
 * the field loses focus: a message vanishing on blur moves the submit button from under the
 * pointer mid-click, and the click that was meant to resubmit the form is lost.
 */
export function clearingErrorOnEdit(mutation: { error: unknown; reset: () => void }) {
  return <T>(set: (value: T) => void) =>
    (value: T) => {
      if (mutation.error) mutation.reset();
      set(value);
    };
}
