/** Assertions about problem+json answers, shared by tests of routes that validate their input. */
import { expect } from 'vitest';
import type { TestResponse } from './harness';

/** Each input is refused with a 400 whose `errors` name the given field. */
export async function expectInvalidFields(
  cases: readonly (readonly [input: string, field: string])[],
  send: (input: string) => Promise<TestResponse>,
): Promise<void> {
  for (const [input, field] of cases) {
    const response = await send(input);
    expect(response.status, input).toBe(400);
    expect(
      (await response.json()).errors.map((e: { field: string }) => e.field),
      input,
    ).toContain(field);
  }
}
