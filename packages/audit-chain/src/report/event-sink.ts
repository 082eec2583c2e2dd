/**
 * Where `docket-verify --report` sends a bundle's report events, in seq order: each as its
 * canonical JSON bytes (the verifier's fast path) or as a parsed record. The fold runs here, or —
 * in Node, `node/report-worker.ts` — on a thread of its own beside the verifier's.
 */
import type { AuditRecord } from '../record';
import type { RawFigure, ReportFoldOptions } from './fold';
import { ReportFold } from './fold';

export interface FoldedEvents {
  figures: RawFigure[];
  /** Events the fold counted. */
  considered: number;
}

export interface ReportEventSink {
  add(event: Uint8Array | AuditRecord): void;
  /** The fold's figures, once every event was added. */
  finish(): Promise<FoldedEvents>;
  /** Frees what the sink holds (a thread); safe to call after `finish` or instead of it. */
  close(): void;
}

export type ReportSinkFactory = (options: ReportFoldOptions) => ReportEventSink | Promise<ReportEventSink>;

/** Folds on the calling thread: a browser, a test, or a machine with one core. */
export const foldInThread = (options: ReportFoldOptions): ReportEventSink => {
  const fold = new ReportFold(options);
  const decoder = new TextDecoder();
  return {
    add(event) {
      fold.add(event instanceof Uint8Array ? (JSON.parse(decoder.decode(event)) as AuditRecord) : event);
    },
    async finish() {
      return { figures: fold.result(), considered: fold.considered };
    },
    close() {},
  };
};
