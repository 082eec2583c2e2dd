import { BULK_DECISION_MAX } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../ui/Button';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Select } from '../../ui/Select';
import { useHotkeys } from '../../ui/use-hotkeys';
import { useCan, usePermittedQuery } from '../auth/permissions';
import { BulkDecisionDialog } from '../decisions/BulkDecisionDialog';
import { queueSummaryQuery } from '../queues/queue-summary-query';
import { useQueueNames } from '../queues/use-queue-name';
import { CaseResultsTable } from './CaseResultsTable';
import { useFindCases } from './find-cases-query';
import {
  type CaseFilters,
  CHOICE_FIELDS,
  type ChoiceField,
  choicesOf,
  filtersFromParams,
  filtersToParams,
} from './find-filters';
import { accountPath } from './keys';
import { CHOICE_LABELS } from './labels';
import './finding.css';

// One empty selection, the same object every render: the table rebuilds its rows when it changes.
const NONE: ReadonlySet<string> = new Set();

/**
 * `/cases`: a queue's cases (from the Queues page) or a search across all of them, filtered and
 * ordered, every choice kept in the URL.
 */
export function FindCasesPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useFindCases(filters);
  const queueName = useQueueNames();
  const items = data.pages.flatMap((page) => page.items);
  const accounts = data.pages[0]?.accounts ?? [];

  const canDecide = useCan('decide:case');
  // A selection belongs to the list it was made in: new filters start a new one.
  const listKey = params.toString();
  const [selection, setSelection] = useState<{ listKey: string; selected: ReadonlySet<string> }>({
    listKey,
    selected: NONE,
  });
  const selected = selection.listKey === listKey ? selection.selected : NONE;
  const select = (next: ReadonlySet<string>) => setSelection({ listKey, selected: next });
  const [deciding, setDeciding] = useState(false);
  const canOpenBulk = selected.size > 0 && selected.size <= BULK_DECISION_MAX;
  useHotkeys({ d: () => (canDecide && canOpenBulk ? setDeciding(true) : false) });

  const update = (change: Partial<CaseFilters>) =>
    setParams(filtersToParams({ ...filters, ...change }), { replace: true, preventScrollReset: true });

  const title = filters.queueId ? `Cases in ${queueName(filters.queueId)}` : 'Find cases';
  return (
    <div className="page">
      <PageHeader
        title={title}
        description="Search by case id, account id or @handle, external report id or conversation id; filter and order the list."
      />
      <CaseSearch q={filters.q ?? ''} onSearch={(q) => update({ q: q || undefined })} />
      <fieldset className="find-filters">
        <legend className="visually-hidden">Filters</legend>
        <QueueFilter value={filters.queueId ?? ''} onChange={(queueId) => update({ queueId: queueId || undefined })} />
        {CHOICE_FIELDS.map((field) => (
          <ChoiceFilter
            key={field}
            field={field}
            value={filters[field] ?? ''}
            onChange={(value) => update({ [field]: value || undefined })}
          />
        ))}
      </fieldset>
      {accounts.length > 0 && (
        <p className="find-accounts">
          Account{accounts.length > 1 ? 's' : ''}:{' '}
          {accounts.map((account, index) => (
            <span key={account.id}>
              {index > 0 && ', '}
              <Link to={accountPath(account.id)}>@{account.handle}</Link>
            </span>
          ))}
        </p>
      )}
      <Panel>
        {canDecide && (
          <div className="bulk-bar" role="toolbar" aria-label="Selected cases">
            <span aria-live="polite">
              {selected.size === 0
                ? 'Select open cases to decide them together (Space, Shift+arrows, Ctrl/⌘+A).'
                : `${selected.size} selected`}
              {selected.size > BULK_DECISION_MAX && ` — at most ${BULK_DECISION_MAX} at once`}
            </span>
            <Button size="sm" variant="primary" isDisabled={!canOpenBulk} onPress={() => setDeciding(true)}>
              Decide selected (d)
            </Button>
            {selected.size > 0 && (
              <Button size="sm" variant="quiet" onPress={() => select(NONE)}>
                Clear selection
              </Button>
            )}
          </div>
        )}
        {deciding && (
          <BulkDecisionDialog
            target={{ caseIds: [...selected] }}
            label={`${selected.size} selected case${selected.size === 1 ? '' : 's'}`}
            categories={[...new Set(items.filter((item) => selected.has(item.id)).map((item) => item.category))]}
            isOpen
            onOpenChange={setDeciding}
            onDecided={() => select(NONE)}
          />
        )}
        <CaseResultsTable
          items={items}
          queueName={queueName}
          {...(canDecide && { selected, onSelectionChange: select })}
        />
        {hasNextPage && (
          <div className="find-more">
            <Button size="sm" onPress={() => void fetchNextPage()} isPending={isFetchingNextPage}>
              Load more
            </Button>
          </div>
        )}
      </Panel>
    </div>
  );
}

function CaseSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const [value, setValue] = useState(q);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }
  return (
    <search className="find-search">
      <form className="find-search-form" onSubmit={submit}>
        <SearchField value={value} onChange={setValue} onClear={() => onSearch('')} className="field find-search-field">
          <Label className="field-label">Search cases</Label>
          <Input className="field-input" placeholder="Case id, account, @handle, report or conversation id" />
        </SearchField>
        <Button type="submit" size="sm">
          Search
        </Button>
      </form>
    </search>
  );
}

function ChoiceFilter({
  field,
  value,
  onChange,
}: {
  field: ChoiceField;
  value: string;
  onChange: (v: string) => void;
}) {
  const { label, any, values } = CHOICE_LABELS[field];
  const options = [
    ...(field === 'sort' || field === 'status' ? [] : [{ id: '', label: any }]),
    ...choicesOf(field).map((id) => ({ id, label: values[id] ?? id })),
  ];
  const fallback = field === 'sort' ? 'priority' : field === 'status' ? 'any' : '';
  return <Select label={label} options={options} value={value || fallback} onChange={onChange} />;
}

function QueueFilter({ value, onChange }: { value: string; onChange: (queueId: string) => void }) {
  const { data } = usePermittedQuery({ ...queueSummaryQuery(), refetchInterval: false });
  const options = [{ id: '', label: 'All queues' }, ...(data?.items ?? []).map((q) => ({ id: q.id, label: q.name }))];
  return <Select label="Queue" options={options} value={value} onChange={onChange} />;
}
