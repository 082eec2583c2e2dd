import { describe, expect, it } from 'vitest';
import { problemToApiError } from '../api/api-error';
import { formErrorState } from './form-error';

describe('formErrorState', () => {
  it('puts field errors on their fields and needs no alert', () => {
    const error = problemToApiError(409, {
      code: 'conflict',
      detail: 'The username "ada" is taken.',
      errors: [{ field: 'username', message: 'already taken' }],
    });
    expect(formErrorState(error, ['username', 'password'])).toEqual({
      validationErrors: { username: 'already taken' },
      summary: null,
    });
  });

  it('shows an alert when the error belongs to no field of the form', () => {
    const lastAdmin = problemToApiError(409, { code: 'conflict', detail: 'This is the last active admin.' });
    expect(formErrorState(lastAdmin, ['roles']).summary).toBe(lastAdmin);

    const bodyLevel = problemToApiError(400, {
      code: 'invalid',
      detail: 'nothing to change',
      errors: [{ field: '(body)', message: 'nothing to change' }],
    });
    expect(formErrorState(bodyLevel, ['roles']).summary).toBe(bodyLevel);
  });

  it('is empty without an error', () => {
    expect(formErrorState(null, ['username'])).toEqual({ validationErrors: undefined, summary: null });
  });
});
