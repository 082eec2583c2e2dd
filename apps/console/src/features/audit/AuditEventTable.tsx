import type { AuditEvent } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import { caseRef } from '../cases/case-ref';
import { ActorName, OutcomeBadge, SealState } from './event-parts';
import '../../ui/table.css';

/** A page of events, newest first; the time links to the event's detail. */
export function AuditEventTable({ items, filtered }: { items: AuditEvent[]; filtered: boolean }) {
  return (
    <Table aria-label="Audit events" className="data-table audit-table">
      <TableHeader>
        <Column isRowHeader className="column">
          Time
        </Column>
        <Column className="column">Seq</Column>
        <Column className="column">Actor</Column>
        <Column className="column">Action</Column>
        <Column className="column">Outcome</Column>
        <Column className="column">Target</Column>
        <Column className="column">Case</Column>
      </TableHeader>
      <TableBody
        items={items}
        renderEmptyState={() => (
          <EmptyState title={filtered ? 'No events match these filters' : 'No events yet'}>
            {filtered
              ? 'Widen the time range or remove a filter.'
              : 'Every action in Docket appears here as it happens.'}
          </EmptyState>
        )}
      >
        {(event) => (
          <Row id={event.id} className="row">
            <Cell className="cell">
              {/* The visible time starts the link's name (WCAG 2.5.3, label in name); the rest is for screen readers. */}
              <Link to={`/audit/events/${event.id}`}>
                <Timestamp value={event.occurredAt} />
                <span className="visually-hidden">, event {event.action}</span>
              </Link>
            </Cell>
            <Cell className="cell mono">
              <SealState seq={event.seq} />
            </Cell>
            <Cell className="cell">
              <ActorName actor={event.actor} />
            </Cell>
            <Cell className="cell mono">{event.action}</Cell>
            <Cell className="cell">
              <OutcomeBadge outcome={event.outcome} />
            </Cell>
            <Cell className="cell mono audit-cell-target">
              {event.target ? `${event.target.type} ${event.target.id}` : '—'}
            </Cell>
            <Cell className="cell mono">
              {event.caseId ? <Link to={`/audit?caseId=${event.caseId}`}>{caseRef(event.caseId)}</Link> : '—'}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
