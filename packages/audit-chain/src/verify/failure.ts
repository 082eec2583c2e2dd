/** Where and why a bundle failed; thrown inside the verifier and returned to its caller as data. */
export class VerificationFailure extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly seq?: number,
  ) {
    super(reason);
  }
}

/** For the CLI: names the place and the reason in one line. */
export function describeFailure(failure: { file: string; seq?: number; reason: string }): string {
  return failure.seq === undefined
    ? `FAILED (${failure.file}): ${failure.reason}`
    : `FAILED at seq ${failure.seq} (${failure.file}): ${failure.reason}`;
}
