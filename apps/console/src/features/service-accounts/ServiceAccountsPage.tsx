import type { ServiceAccount } from '@docket/contracts';
import { useState } from 'react';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { CreateServiceAccountDialog } from './CreateServiceAccountDialog';
import { ServiceAccountTable } from './ServiceAccountTable';
import { useServiceAccountList } from './service-account-list-query';
import { ToggleServiceAccountDialog } from './ToggleServiceAccountDialog';
import './service-accounts.css';

export function ServiceAccountsPage() {
  const { data } = useServiceAccountList();
  const [message, setMessage] = useState<string | null>(null);
  const [toggling, setToggling] = useState<ServiceAccount | null>(null);

  return (
    <div className="page">
      <PageHeader
        title="Service accounts"
        description={
          <>
            Each platform that sends reports signs its requests with a service account’s key id and secret. How to sign
            them is in the <a href="/docs">intake API reference</a>.
          </>
        }
        actions={
          <CreateServiceAccountDialog
            onCreated={(account) => setMessage(`Created ${account.name} with key id ${account.keyId}.`)}
          />
        }
      />

      <StatusMessage message={message} onDismiss={() => setMessage(null)} />

      <Panel>
        <ServiceAccountTable items={data.items} onToggle={setToggling} />
      </Panel>

      {toggling && (
        <ToggleServiceAccountDialog
          account={toggling}
          onClose={() => setToggling(null)}
          onDone={(text) => {
            setToggling(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}
