import { instrumentReaches, type LegalRequest } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useLegalAction } from './legal-action-mutation';
import { dayOf, dayStart } from './legal-format';
import { type TargetDraft, TargetFields } from './TargetFields';

/** The second officer's decision: accept as asked, narrow (keep less of each target), or reject with a ground. */
export function DecisionPanel({ request }: { request: LegalRequest }) {
  const act = useLegalAction(request.id);
  const [outcome, setOutcome] = useState<'accepted' | 'narrowed' | 'rejected'>('accepted');
  const [kept, setKept] = useState<(TargetDraft & { keep: boolean })[]>(() =>
    request.targets.map((target) => ({
      accountId: target.accountId,
      from: dayOf(target.from),
      until: dayOf(target.until),
      categories: target.categories.filter((category) => instrumentReaches(request.instrument, category)),
      keep: true,
    })),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get('note') ?? '').trim();
    const body =
      outcome === 'accepted'
        ? { outcome, ...(note && { note }) }
        : outcome === 'rejected'
          ? { outcome, ground: String(form.get('ground')), note }
          : {
              outcome,
              note,
              targets: kept
                .filter((target) => target.keep)
                .map(({ accountId, from, until, categories }) => ({
                  accountId,
                  from: dayStart(from),
                  until: dayStart(until),
                  categories,
                })),
            };
    act.mutate({ action: 'decision', body });
  }

  return (
    <form className="legal-form" onSubmit={submit} aria-label="Decide the request">
      {isApiError(act.error) && <ErrorAlert error={act.error} />}
      <div className="legal-categories" role="radiogroup" aria-label="Decision">
        {(['accepted', 'narrowed', 'rejected'] as const).map((each) => (
          <label key={each}>
            <input type="radio" name="outcome" checked={outcome === each} onChange={() => setOutcome(each)} />{' '}
            {each === 'accepted' ? 'Accept' : each === 'narrowed' ? 'Narrow' : 'Reject'}
          </label>
        ))}
      </div>
      {outcome === 'narrowed' &&
        kept.map((target, index) => (
          <div key={target.accountId}>
            <label className="legal-check">
              <input
                type="checkbox"
                checked={target.keep}
                onChange={(event) =>
                  setKept(kept.map((each, at) => (at === index ? { ...each, keep: event.target.checked } : each)))
                }
              />{' '}
              Keep {target.accountId}
            </label>
            {target.keep && (
              <TargetFields
                index={index}
                value={target}
                fixedAccount
                onChange={(next) => setKept(kept.map((each, at) => (at === index ? { ...each, ...next } : each)))}
              />
            )}
          </div>
        ))}
      {outcome === 'rejected' && (
        <label className="field">
          <span className="field-label">Ground</span>
          <select className="field-input" name="ground">
            <option value="invalid">Invalid</option>
            <option value="overbroad">Overbroad</option>
          </select>
        </label>
      )}
      <label className="field">
        <span className="field-label">Note{outcome === 'accepted' ? ' (optional)' : ''}</span>
        <textarea className="field-input" name="note" rows={2} required={outcome !== 'accepted'} />
      </label>
      <div className="legal-actions">
        <Button type="submit" variant="primary" isDisabled={act.isPending}>
          Record decision
        </Button>
      </div>
    </form>
  );
}
