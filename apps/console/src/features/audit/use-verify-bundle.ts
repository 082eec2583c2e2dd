import type { KeysDocument, VerifyProgress, VerifyResult } from '@docket/audit-chain';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerifyWorkerMessage, VerifyWorkerRequest } from './verify-messages';

export type VerifyState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string; progress: VerifyProgress | null }
  | { status: 'done'; fileName: string; result: VerifyResult }
  | { status: 'error'; fileName: string; message: string };

/** Runs the verifier in a worker; a new file (or leaving the page) stops the one before. */
export function useVerifyBundle() {
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const verify = useCallback(
    (file: File, keys: KeysDocument | undefined) => {
      stop();
      const current = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
      worker.current = current;
      setState({ status: 'running', fileName: file.name, progress: null });
      current.onmessage = (message: MessageEvent<VerifyWorkerMessage>) => {
        const data = message.data;
        if (data.type === 'progress') setState({ status: 'running', fileName: file.name, progress: data.progress });
        else {
          setState(
            data.type === 'result'
              ? { status: 'done', fileName: file.name, result: data.result }
              : { status: 'error', fileName: file.name, message: data.message },
          );
          stop();
        }
      };
      current.onerror = (event) => {
        setState({ status: 'error', fileName: file.name, message: event.message || 'The verifier stopped.' });
        stop();
      };
      current.postMessage({ file, trust: keys ? { keys } : {} } satisfies VerifyWorkerRequest);
    },
    [stop],
  );

  return { state, verify };
}
