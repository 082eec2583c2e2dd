import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export interface LoggerOptions {
  /** Short readable lines for a person at a terminal instead of JSON. */
  pretty?: boolean;
  /** Where lines go (stdout by default); tests pass their own. */
  destination?: { write(line: string): void };
}

/**
 * Structured JSON logs. Request logs carry method, route, status, timing, request id and
 * actor id — never bodies, cookies or headers — and redaction catches anything that slips in.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const settings = {
    level,
    base: { service: 'docket-api' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers',
        '*.headers',
        'body',
        '*.body',
      ],
      censor: '[redacted]',
    },
  };
  const destination = options.destination ?? process.stdout;
  return pino(settings, options.pretty ? terminalStream(level, destination) : (destination as DestinationStream));
}

// A request line says these in its message; its other fields are for machines.
const REQUEST_FIELDS = ['requestId', 'clientRequestId', 'method', 'route', 'status', 'ms', 'actorId'];

/**
 * One short line per event (after redaction, which happens before any stream). Successful
 * requests, one per intake batch or console click, are left to LOG_LEVEL=debug here; failed
 * ones still show.
 */
function terminalStream(level: string, destination: { write(line: string): void }): DestinationStream {
  const format = prettyFactory({
    colorize: destination === process.stdout && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: ['pid', 'hostname', 'service', ...REQUEST_FIELDS].join(','),
    singleLine: true,
    messageFormat: (log, messageKey) =>
      log[messageKey] === 'request'
        ? `${log.method} ${log.route} → ${log.status} (${log.ms} ms)`
        : String(log[messageKey] ?? ''),
  });
  const showRoutineRequests = level === 'debug' || level === 'trace';
  return {
    write(line: string) {
      const log = JSON.parse(line) as Record<string, unknown>;
      if (!showRoutineRequests && log.msg === 'request' && Number(log.status) < 400) return;
      destination.write(format(log));
    },
  };
}
