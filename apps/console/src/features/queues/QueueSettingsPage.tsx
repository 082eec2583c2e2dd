import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { PolicyCatalog } from '../policies/PolicyCatalog';
import { QueueSettings } from './QueueSettings';
import './queues.css';

/** Admins: where reports are routed and how fast they must be handled, and the policies decisions cite. */
export function QueueSettingsPage() {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="page">
      <PageHeader
        title="Queues & policies"
        description="Which queue each report category lands in, how long cases may wait, and the policy codes decisions cite."
      />
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      <QueueSettings onDone={setMessage} />
      <PolicyCatalog onDone={setMessage} />
    </div>
  );
}
