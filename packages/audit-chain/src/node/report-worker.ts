/**
 * `docket-verify --report` on two cores: the verifier hashes on the main thread while a worker
 * thread parses and folds the report events (ADR 054). Parsing every event's JSON costs about as
 * much as verifying it, so on one thread the report halved the verifier's rate.
 *
 * Events cross in batches: their bytes copied into one buffer with their end offsets, both
 * transferred. At most `MAX_BATCHES_IN_FLIGHT` batches wait, so memory stays flat however far the
 * verifier runs ahead: past that, the main thread blocks (Atomics.wait) until the worker catches up.
 * The worker is this same module (or, in the one-file build, this same file) started again.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AuditRecord } from '../record';
import type { FoldedEvents, ReportEventSink, ReportSinkFactory } from '../report/event-sink';
import { foldInThread } from '../report/event-sink';
import type { ReportFoldOptions } from '../report/fold';

const ROLE = 'docket-report-fold';
const BATCH_BYTES = 1 << 20;
const MAX_BATCHES_IN_FLIGHT = 16;
/** How long the verifier waits on a full queue before it calls the fold's thread dead. */
const STALL_MS = 60_000;

type ToWorker =
  | { kind: 'bytes'; bytes: Uint8Array; ends: Uint32Array; count: number }
  | { kind: 'record'; record: AuditRecord }
  | { kind: 'finish' };
type FromWorker = { kind: 'ready' } | { kind: 'done'; folded: FoldedEvents } | { kind: 'failed'; message: string };

interface WorkerInput {
  role: typeof ROLE;
  options: ReportFoldOptions;
  /** Batches sent and not yet folded: [0]. */
  inFlight: Int32Array;
}

function startWorker(input: WorkerInput): Worker {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData: input });
  // Run from source under tsx: the thread needs the TypeScript loader registered too.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self.href)}); })`;
  return new Worker(boot, { eval: true, workerData: input });
}

/** Folds on a worker thread; the caller's thread only copies the bytes across. Resolves once the thread is up. */
export const foldOnWorker: ReportSinkFactory = async (options) => {
  const inFlight = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker({ role: ROLE, options, inFlight });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const outcome = new Promise<FoldedEvents>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') ready();
      else if (message.kind === 'done') resolve(message.folded);
      else reject(new Error(`the report fold failed: ${message.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the report fold's thread stopped (exit ${code})`)));
  });
  // Settled by whoever awaits finish; never an unhandled rejection if nobody does.
  outcome.catch(() => {});
  await Promise.race([started, outcome]);

  let bytes = new Uint8Array(BATCH_BYTES);
  let ends = new Uint32Array(BATCH_BYTES / 64);
  let used = 0;
  let count = 0;

  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
    const since = Date.now();
    while (Atomics.load(inFlight, 0) >= MAX_BATCHES_IN_FLIGHT) {
      Atomics.wait(inFlight, 0, MAX_BATCHES_IN_FLIGHT, 1000);
      if (Date.now() - since > STALL_MS) throw new Error('the report fold’s thread stopped answering');
    }
    Atomics.add(inFlight, 0, 1);
    worker.postMessage(message, transfer);
  };
  const flush = () => {
    if (count === 0) return;
    send({ kind: 'bytes', bytes, ends, count }, [bytes.buffer as ArrayBuffer, ends.buffer as ArrayBuffer]);
    bytes = new Uint8Array(BATCH_BYTES);
    ends = new Uint32Array(BATCH_BYTES / 64);
    used = 0;
    count = 0;
  };

  const sink: ReportEventSink = {
    add(event) {
      if (!(event instanceof Uint8Array)) {
        // Order matters to the fold: what is batched goes first.
        flush();
        send({ kind: 'record', record: event });
        return;
      }
      if (used + event.length > bytes.length || count === ends.length) flush();
      if (event.length > bytes.length) bytes = new Uint8Array(event.length);
      bytes.set(event, used);
      used += event.length;
      ends[count++] = used;
    },
    async finish() {
      flush();
      send({ kind: 'finish' });
      return outcome;
    },
    close() {
      void worker.terminate();
    },
  };
  return sink;
};

/** The worker's side: decode, parse and fold each event, in the order sent. */
function serve(input: WorkerInput, port: NonNullable<typeof parentPort>) {
  const sink = foldInThread(input.options);
  const done = () => {
    Atomics.sub(input.inFlight, 0, 1);
    Atomics.notify(input.inFlight, 0);
  };
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
  port.on('message', async (message: ToWorker) => {
    try {
      if (message.kind === 'bytes') {
        let start = 0;
        for (let i = 0; i < message.count; i++) {
          const end = message.ends[i] as number;
          sink.add(message.bytes.subarray(start, end));
          start = end;
        }
      } else if (message.kind === 'record') sink.add(message.record);
      else port.postMessage({ kind: 'done', folded: await sink.finish() } satisfies FromWorker);
      done();
    } catch (error) {
      // Never again a full queue: the verifier must not wait on a fold that has stopped.
      Atomics.store(input.inFlight, 0, -(2 ** 30));
      Atomics.notify(input.inFlight, 0);
      port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.role === ROLE && parentPort) {
  serve(workerData as WorkerInput, parentPort);
}
