import type { Hold } from '@docket/contracts';
import { useCallback, useState } from 'react';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { useCan } from '../auth/permissions';
import { type HoldAction, HoldActionDialog } from './HoldActionDialog';
import { HoldTable } from './HoldTable';
import { useHoldList } from './hold-list-query';
import { PlaceHoldDialog } from './PlaceHoldDialog';
import { RetentionSchedulePanel } from './RetentionSchedulePanel';

export function HoldsPage() {
  const { data } = useHoldList();
  const canManage = useCan('manage:hold');
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<{ hold: Hold; action: HoldAction } | null>(null);
  const onAction = useCallback((hold: Hold, action: HoldAction) => setOpen({ hold, action }), []);

  return (
    <div className="page">
      <PageHeader
        title="Holds & retention"
        description="A preservation hold keeps an account’s or a conversation’s content from retention until it is released or expires. Retention destroys a closed case’s conversation content after its category’s days."
        actions={
          canManage && (
            <PlaceHoldDialog onPlaced={(hold) => setMessage(`Placed a hold on ${hold.targetType} ${hold.targetId}.`)} />
          )
        }
      />
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      <Panel>
        <HoldTable items={data.items} canManage={canManage} onAction={onAction} />
      </Panel>
      <RetentionSchedulePanel />
      {open && (
        <HoldActionDialog
          hold={open.hold}
          action={open.action}
          onClose={() => setOpen(null)}
          onDone={(text) => {
            setOpen(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}
