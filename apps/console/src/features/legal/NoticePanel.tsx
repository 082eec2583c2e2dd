import type { LegalRequest } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useLegalAction } from './legal-action-mutation';
import { localToIso } from './legal-format';

/** Notice to one target, once produced: now, deferred (its commitment goes in the log), or never with a reason. */
export function NoticePanel({ request, accountId }: { request: LegalRequest; accountId: string }) {
  const act = useLegalAction(request.id);
  const [decision, setDecision] = useState<'notify' | 'defer' | 'never'>(request.nonDisclosure ? 'defer' : 'notify');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const until = localToIso(String(form.get('until') ?? ''));
    const body =
      decision === 'never'
        ? { accountId, decision, reason: String(form.get('reason') ?? '').trim() }
        : decision === 'defer'
          ? { accountId, decision, ...(until && { until }) }
          : { accountId, decision };
    act.mutate({ action: 'notices', body });
  }
  return (
    <form className="legal-form" onSubmit={submit} aria-label={`Notice to ${accountId}`}>
      {isApiError(act.error) && <ErrorAlert error={act.error} />}
      <div className="legal-categories">
        {(['notify', 'defer', 'never'] as const).map((each) => (
          <label key={each}>
            <input type="radio" checked={decision === each} onChange={() => setDecision(each)} /> {each}
          </label>
        ))}
      </div>
      {decision === 'defer' && (
        <label className="field">
          <span className="field-label">
            Until (UTC){request.nonDisclosure ? ' — never before the non-disclosure order ends' : ''}
          </span>
          <input className="field-input" type="datetime-local" name="until" />
        </label>
      )}
      {decision === 'never' && (
        <label className="field">
          <span className="field-label">Reason</span>
          <textarea className="field-input" name="reason" rows={2} required />
        </label>
      )}
      <div className="legal-actions">
        <Button type="submit" isDisabled={act.isPending}>
          Decide notice
        </Button>
      </div>
    </form>
  );
}
