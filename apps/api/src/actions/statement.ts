/**
 * One round trip for the hottest actions (ADR 049). An action whose ONLY effects are its own
 * row(s) and its own audit event may run as one SQL statement in autocommit: the statement checks
 * its rule, writes its rows and its audit row together, and PostgreSQL commits them together or
 * not at all, with no BEGIN and no COMMIT to wait for. Anything more — an event that is a live
 * notice or goes to the platform, a grant to end, a notice to schedule — leaves through
 * `ctx.emit` in a transaction (`runAction`), so such an action has a transactional path too: the
 * statement writes nothing and answers `TRANSACTION_NEEDED`, and the same action runs that way.
 */
import type { Database } from '@docket/db';
import type { Context } from 'hono';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type AuditContext, auditContext, auditRow } from '../audit/record';
import type { AppEnv } from '../context';
import { type ActionContext, runAction } from './context';
import { PLATFORM_EVENTS, type PlainEvent } from './events';

/** What a statement answers when it wrote nothing and the action must run in a transaction. */
export const TRANSACTION_NEEDED = Symbol('transaction needed');

export interface StatementAction<T> {
  /** The action as one statement on `db` (autocommit), its audit row written inline. */
  statement(db: Kysely<Database>, who: AuditContext): Promise<T | typeof TRANSACTION_NEEDED>;
  /** The same action in a transaction of its own, with every effect through `ctx.emit`. */
  transactional(ctx: ActionContext): Promise<T>;
}

/** Runs `action` as one statement, or in a transaction when the statement says it must. */
export async function runStatementAction<T>(c: Context<AppEnv>, action: StatementAction<T>): Promise<T> {
  const done = await action.statement(c.get('deps').db, auditContext(c));
  return done === TRANSACTION_NEEDED ? runAction(c, (ctx) => action.transactional(ctx)) : done;
}

/**
 * The audit_event row a statement writes inline: only for an event that is nothing but its row.
 * Live notices are typed out (`PlainEvent`); events the platform hears of are refused here.
 */
export function inlineAuditRow(who: AuditContext, event: PlainEvent) {
  if (event.action in PLATFORM_EVENTS) throw new Error(`${event.action} goes to the platform: emit it`);
  return auditRow(who, event);
}

/**
 * `insert into audit_event … select …` of `row` (values, or SQL over what `from` names), once for
 * each row `from` yields: none when the statement's guard says no.
 */
export function insertAuditRows(row: Record<string, unknown>, from: RawBuilder<unknown>) {
  const columns = Object.keys(row);
  return sql`insert into audit_event (${sql.join(columns.map((column) => sql.ref(column)))})
    select ${sql.join(columns.map((column) => sql`${row[column]}`))} ${from}`;
}
