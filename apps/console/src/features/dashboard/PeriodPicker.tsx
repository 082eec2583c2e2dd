import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../ui/Button';
import { DayRangeFields } from '../../ui/DayRangeFields';
import { Select } from '../../ui/Select';
import { type DashboardPeriod, RANGES, rangeFromParams } from './period';

/** Picks the period in the URL: a preset range, or two UTC days (applied together). */
export function PeriodPicker({ period }: { period: DashboardPeriod }) {
  const [params, setParams] = useSearchParams();
  const range = rangeFromParams(params);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);

  const choose = (id: string) =>
    setParams(id === 'custom' ? { range: id, from: period.from, to: period.to } : { range: id });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams({ range: 'custom', from, to });
  };

  return (
    <div className="period-picker">
      <Select label="Period" options={RANGES} value={range} onChange={choose} />
      {range === 'custom' && (
        <form className="period-custom" onSubmit={apply}>
          <DayRangeFields from={from} to={to} onFromChange={setFrom} onToChange={setTo} />
          <Button type="submit">Apply</Button>
        </form>
      )}
    </div>
  );
}
