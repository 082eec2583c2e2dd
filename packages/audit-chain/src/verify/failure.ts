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

/** The failure a verifier returns for `error`, when it is one of its own; otherwise rethrows it. */
export function failureResult(error: unknown): { ok: false; file: string; reason: string; seq?: number } {
  if (!(error instanceof VerificationFailure)) throw error;
  return { ok: false, file: error.file, reason: error.reason, ...(error.seq === undefined ? {} : { seq: error.seq }) };
}

/** For the CLI: names the place and the reason in one line, without saying the seq twice. */
export function describeFailure(failure: { file: string; seq?: number; reason: string }): string {
  const { file, seq, reason } = failure;
  if (seq === undefined) return `FAILED (${file}): ${reason}`;
  const prefix = `seq ${seq}: `;
  return `FAILED at seq ${seq} (${file}): ${reason.startsWith(prefix) ? reason.slice(prefix.length) : reason}`;
}
