import type { Policy } from '@docket/contracts';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { ActionMenu } from '../../ui/ActionMenu';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { dsaCategoryLabel } from './dsa-categories';
import { PolicyDialog } from './PolicyDialog';
import { usePolicies } from './policy-list-query';
import { TogglePolicyDialog } from './TogglePolicyDialog';
import '../../ui/table.css';

type PolicyAction = 'edit' | 'toggle';

/** The policy codes decisions cite: list, add, reword, deactivate. */
export function PolicyCatalog({ onDone }: { onDone: (message: string) => void }) {
  const { data } = usePolicies();
  const [adding, setAdding] = useState(false);
  const [active, setActive] = useState<{ action: PolicyAction; policy: Policy } | null>(null);

  function done(message: string) {
    setAdding(false);
    setActive(null);
    onDone(message);
  }

  return (
    <section className="settings-section" aria-labelledby="policy-catalog-title">
      <div className="settings-section-head">
        <h2 id="policy-catalog-title">Policies</h2>
        <Button onPress={() => setAdding(true)}>Add policy</Button>
      </div>
      <div className="panel">
        <Table aria-label="Policies" className="data-table settings-table">
          <TableHeader>
            <Column isRowHeader className="column settings-col-code">
              Code
            </Column>
            <Column className="column">Title</Column>
            <Column className="column settings-col-wide">Description</Column>
            <Column className="column">DSA category</Column>
            <Column className="column">Status</Column>
            <Column className="column column-actions">
              <span className="visually-hidden">Actions</span>
            </Column>
          </TableHeader>
          <TableBody
            items={data.items.map((policy) => ({ ...policy, id: policy.code }))}
            renderEmptyState={() => (
              <EmptyState title="No policies">Decisions cite a policy code; add the first one.</EmptyState>
            )}
          >
            {(policy) => (
              <Row id={policy.code} className="row">
                <Cell className="cell">
                  <span className="mono">{policy.code}</span>
                </Cell>
                <Cell className="cell">{policy.title}</Cell>
                <Cell className="cell cell-muted settings-description">
                  {policy.description}
                  {policy.termsUrl && (
                    <>
                      {' '}
                      <a href={policy.termsUrl} target="_blank" rel="noreferrer">
                        Terms clause
                      </a>
                    </>
                  )}
                </Cell>
                <Cell className="cell">
                  {policy.dsaCategory ? dsaCategoryLabel(policy.dsaCategory) : <Badge>None</Badge>}
                </Cell>
                <Cell className="cell">
                  {policy.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
                </Cell>
                <Cell className="cell cell-actions">
                  <ActionMenu<PolicyAction>
                    label={`Actions for ${policy.code}`}
                    items={[
                      { id: 'edit', label: 'Edit…' },
                      policy.active
                        ? { id: 'toggle', label: 'Deactivate…', tone: 'danger' }
                        : { id: 'toggle', label: 'Activate…' },
                    ]}
                    onAction={(action) => setActive({ action, policy })}
                  />
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {adding && <PolicyDialog onClose={() => setAdding(false)} onDone={done} />}
      {active?.action === 'edit' && (
        <PolicyDialog policy={active.policy} onClose={() => setActive(null)} onDone={done} />
      )}
      {active?.action === 'toggle' && (
        <TogglePolicyDialog policy={active.policy} onClose={() => setActive(null)} onDone={done} />
      )}
    </section>
  );
}
