import type { QueueSettings as QueueConfig } from '@docket/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { roleLabel } from '../staff/roles';
import { categoryLabel } from './categories';
import { formatSla } from './durations';
import { QueueDialog } from './QueueDialog';
import { queueSettingsQuery } from './queue-settings-query';
import '../../ui/table.css';

/** The admin's view of the queues: their routing and SLA, editable. Counts live on the Queues page. */
export function QueueSettings({ onDone }: { onDone: (message: string) => void }) {
  const queues = useQuery(queueSettingsQuery());
  const [editing, setEditing] = useState<{ queue?: QueueConfig; position: number } | null>(null);
  const items = queues.data?.items ?? [];

  return (
    <section className="settings-section" aria-labelledby="queue-settings-title">
      <div className="settings-section-head">
        <h2 id="queue-settings-title">Queues</h2>
        <Button
          onPress={() => setEditing({ position: Math.max(0, ...items.map((queue) => queue.position)) + 1 })}
          isDisabled={!queues.isSuccess}
        >
          New queue
        </Button>
      </div>
      {queues.isPending && (
        <p role="status" className="page-loading">
          <Spinner /> Loading queues…
        </p>
      )}
      {queues.isError && (
        <ErrorAlert
          error={isApiError(queues.error) ? queues.error : networkError()}
          title="The queues could not be loaded"
        />
      )}
      {queues.isSuccess && (
        <div className="panel">
          <Table aria-label="Queue settings" className="data-table settings-table">
            <TableHeader>
              <Column className="column column-number settings-col-position">#</Column>
              <Column isRowHeader className="column">
                Queue
              </Column>
              <Column className="column settings-col-wide">Categories</Column>
              <Column className="column">SLA</Column>
              <Column className="column">Worked by</Column>
              <Column className="column column-actions">
                <span className="visually-hidden">Actions</span>
              </Column>
            </TableHeader>
            <TableBody
              items={items.map((queue) => ({ queue, position: queue.position }))}
              renderEmptyState={() => <EmptyState title="No queues">Create one for each kind of work.</EmptyState>}
            >
              {({ queue, position }) => (
                <Row id={queue.id} className="row">
                  <Cell className="cell cell-number cell-muted">{position}</Cell>
                  <Cell className="cell">
                    {queue.name} <span className="mono cell-muted">{queue.id}</span>
                  </Cell>
                  <Cell className="cell cell-muted">
                    {queue.categories.length > 0 ? queue.categories.map(categoryLabel).join(', ') : 'None'}
                  </Cell>
                  <Cell className="cell">{formatSla(queue.slaMinutes)}</Cell>
                  <Cell className="cell">{roleLabel(queue.requiredRole)}s</Cell>
                  <Cell className="cell cell-actions">
                    <Button
                      size="sm"
                      aria-label={`Edit ${queue.name}…`}
                      onPress={() => setEditing({ queue, position })}
                    >
                      Edit…
                    </Button>
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && (
        <QueueDialog
          queue={editing.queue}
          position={editing.position}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            onDone(message);
          }}
        />
      )}
    </section>
  );
}
