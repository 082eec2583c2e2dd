import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture(level: string, pretty: boolean) {
  const lines: string[] = [];
  const logger = createLogger(level, { pretty, destination: { write: (line) => void lines.push(line) } });
  return { logger, lines };
}

const intakeBatch = {
  requestId: 'r1',
  method: 'POST',
  route: '/api/intake/reports',
  status: 202,
  ms: 41.2,
  actorId: null,
};

describe('logs at a terminal', () => {
  it('leaves out routine successful requests, one per intake batch, unless asked for at debug', () => {
    const quiet = capture('info', true);
    quiet.logger.info(intakeBatch, 'request');
    expect(quiet.lines).toEqual([]);

    const verbose = capture('debug', true);
    verbose.logger.info(intakeBatch, 'request');
    expect(verbose.lines.join('')).toContain('POST /api/intake/reports → 202 (41.2 ms)');
  });

  it('says a failed request in one short line, without the fields meant for machines', () => {
    const { logger, lines } = capture('info', true);
    logger.info({ ...intakeBatch, status: 500 }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: POST \/api\/intake\/reports → 500 \(41\.2 ms\)\n$/);
  });

  it('still redacts what must never be logged', () => {
    const { logger, lines } = capture('info', true);
    logger.warn({ password: 'hunter2', body: { text: 'reported message' } }, 'something odd');
    expect(lines.join('')).toContain('something odd');
    expect(lines.join('')).not.toContain('hunter2');
    expect(lines.join('')).not.toContain('reported message');
  });
});

it('writes one JSON object per line for a log collector', () => {
  const { logger, lines } = capture('info', false);
  logger.info(intakeBatch, 'request');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'request', status: 202, service: 'docket-api' });
});
