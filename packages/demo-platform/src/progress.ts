/**
 * Send progress on stderr: a bar redrawn in place on a terminal, or a plain line every few
 * seconds when stderr is a file or a CI log (where carriage returns make a mess).
 */
import type { SendProgress } from './send';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressRenderer {
  update(progress: SendProgress): void;
  /** Draws the final figures and ends the line. */
  done(progress: SendProgress): void;
}

export function createProgressRenderer(options: {
  total: number;
  output?: ProgressOutput;
  /** How often a plain line is printed when the output is not a terminal. */
  plainEveryMs?: number;
}): ProgressRenderer {
  const { total, output = process.stderr, plainEveryMs = 5_000 } = options;
  const tty = output.isTTY === true;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  const draw = (progress: SendProgress, final: boolean) => {
    if (tty)
      output.write(
        `\r${bar(progress, total, output.columns ?? 80)} ${summary(progress, total)}\x1b[K${final ? '\n' : ''}`,
      );
    else output.write(`${summary(progress, total)}\n`);
  };
  return {
    update(progress) {
      // A terminal redraws ~10 times a second; a log gets a line every few seconds.
      const every = tty ? 100 : plainEveryMs;
      if (progress.elapsedMs - lastDrawn < every) return;
      lastDrawn = progress.elapsedMs;
      draw(progress, false);
    },
    done(progress) {
      draw(progress, true);
    },
  };
}

function bar(progress: SendProgress, total: number, columns: number): string {
  const width = Math.max(10, Math.min(30, columns - 100));
  const filled = Math.round(width * Math.min(1, progress.sent / Math.max(1, total)));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

export function summary(progress: SendProgress, total: number): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.sent / seconds : 0;
  const eta = rate > 0 ? (total - progress.sent) / rate : Number.NaN;
  const percent = ((100 * progress.sent) / Math.max(1, total)).toFixed(1);
  return [
    `${percent}% ${count(progress.sent)}/${count(total)} reports`,
    `${count(progress.created)} new`,
    `${count(progress.duplicates)} duplicate`,
    `${count(progress.messages)} messages`,
    `${count(Math.round(rate))}/s`,
    `${duration(seconds)} elapsed`,
    ...(progress.sent < total && Number.isFinite(eta) ? [`ETA ${duration(eta)}`] : []),
    ...(progress.retries > 0 ? [`${count(progress.retries)} ${progress.retries === 1 ? 'retry' : 'retries'}`] : []),
  ].join(' · ');
}

const count = (value: number) => value.toLocaleString('en-US');

function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
