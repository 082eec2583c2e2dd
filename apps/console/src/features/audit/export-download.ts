/**
 * Saves an audit export straight to disk, never holding the bundle in the page: where the browser
 * has the File System Access API, the response streams into the file the user picks, counted on
 * the way for progress; elsewhere the browser's own download writes it (a plain link to the
 * export route, the session cookie its credential), and the page polls the progress the server
 * records under an id it chose. Progress counts events.jsonl's newlines against the line total
 * the server announces (stored zip entries keep them as they are), an honest figure without
 * parsing the zip.
 */
import { type AuditExportProgress, EXPORT_LINES_HEADER, exportFileName } from '@docket/contracts';
import { ApiError, isApiError } from '../../api/api-error';
import { api, apiResponse, withQuery } from '../../api/client';

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

/** Not yet in TypeScript's DOM library: Chromium's file picker (File System Access API). */
type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

const NEWLINE = 10;
const POLL_MS = 500;
/** How long the page waits for a download it started to show up on the server, or to move on. */
const START_TIMEOUT_MS = 30_000;
const STALL_TIMEOUT_MS = 60_000;

export function countNewlines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

function filePicker(): SaveFilePicker | undefined {
  const picker = (window as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

/** Whether an export can be cancelled from the page: only one the page streams itself. */
export function canCancelExport(): boolean {
  return filePicker() !== undefined;
}

export function bundleFileName(request: ExportRequest): string {
  return request.scope === 'case'
    ? exportFileName({ kind: 'case', caseId: request.caseId ?? '' })
    : exportFileName({ kind: 'period', from: request.from ?? '', to: request.to ?? '' });
}

/**
 * Saves the bundle to disk with progress. Resolves with what was saved, or null when the person
 * closed the file picker without choosing. Call it straight from the click: the picker needs it.
 */
export async function saveExport(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; bytes: number } | null> {
  const fileName = bundleFileName(request);
  const picker = filePicker();
  if (!picker) return { fileName, bytes: await downloadWithProgress(request, onProgress, signal) };
  let handle: FileSystemFileHandle;
  try {
    handle = await picker({
      suggestedName: fileName,
      types: [{ description: 'Docket audit bundle', accept: { 'application/zip': ['.zip'] } }],
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
  return { fileName: handle.name, bytes: await streamToFile(handle, request, onProgress, signal) };
}

/** The response's bytes go from the network to the file as they come; none are kept. */
async function streamToFile(
  handle: FileSystemFileHandle,
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<number> {
  const response = await apiResponse('GET', '/api/audit/export', { query: { ...request }, signal });
  const body = response.body;
  if (!body) throw new Error('the export arrived without a body');
  const total = Number(response.headers.get(EXPORT_LINES_HEADER)) || 0;
  let bytes = 0;
  let lines = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.length;
        lines += countNewlines(chunk);
        onProgress({ bytes, fraction: total ? Math.min(0.99, lines / total) : 0 });
        controller.enqueue(chunk);
      },
    }),
  );
  // The file is written to a swap file and only replaces the chosen one when complete: a failed
  // or cancelled export leaves nothing half-written behind.
  await counted.pipeTo(await handle.createWritable(), signal ? { signal } : {});
  onProgress({ bytes, fraction: 1 });
  return bytes;
}

/** The browser's own download writes the file; the page follows it through the server's record. */
async function downloadWithProgress(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<number> {
  const progressId = crypto.randomUUID();
  const link = document.createElement('a');
  link.href = withQuery('/api/audit/export', { ...request, progressId });
  link.download = bundleFileName(request);
  document.body.append(link);
  link.click();
  link.remove();

  const started = Date.now();
  let lastBytes = -1;
  let movedAt = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    signal?.throwIfAborted();
    let progress: AuditExportProgress;
    try {
      progress = await api.get<AuditExportProgress>(`/api/audit/export/progress/${progressId}`, { signal });
    } catch (error) {
      // The download's request may not have reached the server yet.
      if (isApiError(error) && error.status === 404 && Date.now() - started < START_TIMEOUT_MS) continue;
      throw error;
    }
    if (progress.status === 'failed') {
      const problem = progress.problem;
      throw new ApiError({
        status: problem?.status ?? 500,
        code: 'unknown',
        title: problem?.title ?? 'The export failed',
        detail: problem?.detail ?? 'The export stopped before it was complete. Try again.',
        requestId: null,
      });
    }
    // Cancelled in the browser's downloads, or the connection dropped: the server stops sending.
    if (progress.bytesSent !== lastBytes) {
      lastBytes = progress.bytesSent;
      movedAt = Date.now();
    } else if (progress.status === 'running' && Date.now() - movedAt > STALL_TIMEOUT_MS) {
      throw new Error('the download stopped moving');
    }
    const total = progress.linesTotal ?? 0;
    if (progress.status === 'done') {
      onProgress({ bytes: progress.bytesSent, fraction: 1 });
      return progress.bytesSent;
    }
    onProgress({ bytes: progress.bytesSent, fraction: total ? Math.min(0.99, progress.linesSent / total) : 0 });
  }
}

export function fileNameFrom(disposition: string | null, fallback: string): string {
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/** Hands a small blob already in memory (a legal disclosure) to the browser as a file download. */
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
