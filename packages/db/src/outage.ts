/**
 * The one definition of "the database is unreachable just now": errors a client should retry
 * after a moment (503), as opposed to bugs (500) and refusals (4xx).
 */

// Socket failures while connecting or talking to the server.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down).
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);

// node-postgres says these in words only: a connection that ended mid-query or never opened in time.
const DRIVER_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Class 08 is "connection exception".
    if (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (DRIVER_MESSAGES.some((message) => error.message.includes(message))) return true;
  // Node reports a refused connection to every address of a name as one AggregateError.
  if (error instanceof AggregateError && error.errors.some(isDatabaseOutage)) return true;
  return isDatabaseOutage(error.cause);
}
