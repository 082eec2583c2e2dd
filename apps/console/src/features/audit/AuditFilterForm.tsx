import { AUDIT_ACTIONS } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../ui/Button';
import { ComboBox, ComboBoxItem } from '../../ui/ComboBox';
import { TextField } from '../../ui/TextField';
import { type AuditFilters, filtersToParams, hasFilters, isoToLocal, localToIso } from './audit-filters';

const OUTCOMES = [
  { id: 'success', name: 'Success' },
  { id: 'denied', name: 'Denied' },
  { id: 'failure', name: 'Failure' },
];
const ACTIONS = AUDIT_ACTIONS.map((action) => ({ id: action, name: action }));

/** The filters above the event list; applying them puts them in the URL (and so in history). */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<AuditFilters>({
    ...filters,
    from: filters.from && isoToLocal(filters.from),
    to: filters.to && isoToLocal(filters.to),
  });
  const set = (field: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = {
      ...draft,
      from: draft.from && localToIso(draft.from),
      to: draft.to && localToIso(draft.to),
    };
    const search = filtersToParams(next).toString();
    void navigate(search ? `/audit?${search}` : '/audit');
  }

  function clear() {
    setDraft({});
    void navigate('/audit');
  }

  return (
    <form className="audit-filters" onSubmit={apply} aria-label="Filter events">
      <TextField label="Actor" placeholder="Username or id" value={draft.actor ?? ''} onChange={set('actor')} />
      <ComboBox
        label="Action"
        items={ACTIONS}
        selectedKey={draft.action ?? null}
        onSelectionChange={(key) => set('action')(key ? String(key) : '')}
        placeholder="Any action"
      >
        {(item) => <ComboBoxItem id={item.id}>{item.name}</ComboBoxItem>}
      </ComboBox>
      <ComboBox
        label="Outcome"
        items={OUTCOMES}
        selectedKey={draft.outcome ?? null}
        onSelectionChange={(key) => set('outcome')(key ? String(key) : '')}
        placeholder="Any outcome"
      >
        {(item) => <ComboBoxItem id={item.id}>{item.name}</ComboBoxItem>}
      </ComboBox>
      <TextField
        label="Target type"
        value={draft.targetType ?? ''}
        onChange={set('targetType')}
        autoCapitalize="none"
      />
      <TextField label="Target id" value={draft.targetId ?? ''} onChange={set('targetId')} autoCapitalize="none" />
      <TextField label="Case id" value={draft.caseId ?? ''} onChange={set('caseId')} autoCapitalize="none" />
      <TextField label="Grant id" value={draft.grantId ?? ''} onChange={set('grantId')} autoCapitalize="none" />
      <TextField label="From" type="datetime-local" value={draft.from ?? ''} onChange={set('from')} />
      <TextField label="To" type="datetime-local" value={draft.to ?? ''} onChange={set('to')} />
      <div className="audit-filter-actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {hasFilters(filters) && (
          <Button variant="quiet" onPress={clear}>
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
