import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../ui/Button';
import { DayRangeFields } from '../../ui/DayRangeFields';
import { Select } from '../../ui/Select';
import { kindOf, type PeriodKind, type ReportPeriodParams } from './period';

const KINDS = [
  { id: 'year', label: 'Year' },
  { id: 'half', label: 'Half year' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'custom', label: 'Custom range' },
] as const;
const PARTS: Record<'half' | 'quarter', { id: string; label: string }[]> = {
  half: [
    { id: 'H1', label: 'H1 (Jan–Jun)' },
    { id: 'H2', label: 'H2 (Jul–Dec)' },
  ],
  quarter: [1, 2, 3, 4].map((q) => ({ id: `Q${q}`, label: `Q${q}` })),
};

/** A year, half, quarter or range of UTC days, put in the URL when applied (the preview follows it). */
export function ReportPeriodPicker({ period }: { period: ReportPeriodParams }) {
  const [, setParams] = useSearchParams();
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ id: y, label: y }));
  const named = 'period' in period ? period.period : `${thisYear}-Q1`;
  const [kind, setKind] = useState<PeriodKind>(kindOf(period));
  const [year, setYear] = useState(named.slice(0, 4));
  const [part, setPart] = useState(named.slice(5) || 'Q1');
  const [from, setFrom] = useState('from' in period ? period.from : `${thisYear}-01-01`);
  const [to, setTo] = useState('from' in period ? period.to : new Date().toISOString().slice(0, 10));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'custom') setParams({ from, to });
    else if (kind === 'year') setParams({ period: year });
    else setParams({ period: `${year}-${PARTS[kind].some((p) => p.id === part) ? part : PARTS[kind][0]?.id}` });
  };

  return (
    <form className="report-period" onSubmit={apply} aria-label="Report period">
      <Select label="Period" options={KINDS} value={kind} onChange={(value) => setKind(value as PeriodKind)} />
      {kind === 'custom' ? (
        <DayRangeFields from={from} to={to} onFromChange={setFrom} onToChange={setTo} />
      ) : (
        <>
          <Select label="Year" options={years} value={year} onChange={setYear} />
          {kind !== 'year' && (
            <Select
              label={kind === 'half' ? 'Half' : 'Quarter'}
              options={PARTS[kind]}
              value={PARTS[kind].some((p) => p.id === part) ? part : (PARTS[kind][0]?.id ?? '')}
              onChange={setPart}
            />
          )}
        </>
      )}
      <Button type="submit">Preview</Button>
    </form>
  );
}
