import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Request logs carry method, route, status, timing, request id and
 * actor id — never bodies, cookies or headers — and redaction catches anything that slips in.
 */
export function createLogger(level: string): Logger {
  return pino({
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
  });
}
