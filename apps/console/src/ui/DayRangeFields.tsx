import './field.css';

/** Two native date inputs, From and To, each bounded by the other (the browser's own picker and keyboard). */
export function DayRangeFields({
  from,
  to,
  onFromChange,
  onToChange,
}: {
  from: string;
  to: string;
  onFromChange: (day: string) => void;
  onToChange: (day: string) => void;
}) {
  return (
    <>
      <label className="field">
        <span className="field-label">From</span>
        <input
          className="field-input"
          type="date"
          value={from}
          max={to}
          required
          onChange={(e) => onFromChange(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input
          className="field-input"
          type="date"
          value={to}
          min={from}
          required
          onChange={(e) => onToChange(e.target.value)}
        />
      </label>
    </>
  );
}
