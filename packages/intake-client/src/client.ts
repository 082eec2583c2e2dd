import type {
  IntakeAppeal,
  IntakeAppealResult,
  IntakeBatchResult,
  IntakeReportInput,
  IntakeResult,
  Problem,
} from '@docket/contracts';
import { signRequest } from './signing';

export class IntakeError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(`${status} ${problem.title ?? 'error'}: ${problem.detail ?? ''}`);
    this.name = 'IntakeError';
  }
}

/** A tiny client for Docket's intake API: signs each request and throws problems as errors. */
export class IntakeClient {
  constructor(private readonly options: { baseUrl: string; keyId: string; secret: string; now?: () => number }) {}

  submitReport(report: IntakeReportInput): Promise<IntakeResult> {
    return this.post('/api/intake/reports', report);
  }

  submitBatch(reports: IntakeReportInput[]): Promise<IntakeBatchResult> {
    return this.post('/api/intake/reports/batch', { reports });
  }

  submitAppeal(appeal: IntakeAppeal): Promise<IntakeAppealResult> {
    return this.post('/api/intake/appeals', appeal);
  }

  async post<T>(path: string, payload: unknown): Promise<T> {
    const body = JSON.stringify(payload);
    const timestamp = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    const headers = signRequest(this.options.keyId, this.options.secret, { method: 'POST', path, timestamp, body });
    const response = await fetch(new URL(path, this.options.baseUrl), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new IntakeError(response.status, text ? JSON.parse(text) : {});
    return JSON.parse(text) as T;
  }
}
