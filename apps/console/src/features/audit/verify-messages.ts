import type { KeysDocument, VerifyProgress, VerifyResult } from '@docket/audit-chain';

export interface VerifyWorkerRequest {
  file: File;
  trust: { keys?: KeysDocument };
}

export type VerifyWorkerMessage =
  | { type: 'progress'; progress: VerifyProgress }
  | { type: 'result'; result: VerifyResult }
  | { type: 'error'; message: string };
