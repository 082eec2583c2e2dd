/**
 * Downloads an audit export with progress: the bundle's stored entries keep events.jsonl's
 * newlines as they are, so counting them against the line total the server announces is an
 * honest progress figure without parsing the zip.
 */
import { EXPORT_LINES_HEADER } from '@docket/contracts';
import { apiResponse } from '../../api/client';

export interface ExportRequest {
  scope: 'period' | 'case';
  from?: string;
  to?: string;
  caseId?: string;
  formats?: string;
}

export interface ExportProgress {
  bytes: number;
  /** 0…1, never 1 before the last byte. */
  fraction: number;
}

const NEWLINE = 10;

export function countNewlines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

export function fileNameFrom(disposition: string | null, fallback: string): string {
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

export async function downloadExport(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; blob: Blob }> {
  const response = await apiResponse('GET', '/api/audit/export', { query: { ...request }, signal });
  const total = Number(response.headers.get(EXPORT_LINES_HEADER)) || 0;
  const reader = response.body?.getReader();
  if (!reader) throw new Error('the export arrived without a body');
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    lines += countNewlines(value);
    onProgress({ bytes, fraction: total ? Math.min(0.99, lines / total) : 0 });
  }
  onProgress({ bytes, fraction: 1 });
  return {
    fileName: fileNameFrom(response.headers.get('content-disposition'), 'docket-audit.zip'),
    blob: new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: 'application/zip' }),
  };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 812 byte, 8.1 kB, 598 MB: the size in the largest unit that keeps the number at or above 1. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
