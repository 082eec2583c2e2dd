/// <reference lib="webworker" />
/**
 * Verifies an audit bundle off the main thread with the same code as docket-verify, using Web
 * Crypto for signatures. The page stays responsive however large the bundle.
 */
import { type Trust, verifyBundle, webCryptoProvider } from '@docket/audit-chain';
import type { VerifyWorkerMessage, VerifyWorkerRequest } from './verify-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (message: MessageEvent<VerifyWorkerRequest>) => {
  const { file, trust } = message.data;
  const post = (reply: VerifyWorkerMessage) => scope.postMessage(reply);
  try {
    const result = await verifyBundle(file, {
      crypto: webCryptoProvider(),
      trust: trust as Trust,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
