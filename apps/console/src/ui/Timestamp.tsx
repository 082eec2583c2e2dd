const short = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** A compact date and time in the reader's locale; the exact instant is in the tooltip. */
export function Timestamp({ value, empty = '—' }: { value: string | null; empty?: string }) {
  if (!value) return <span className="timestamp-empty">{empty}</span>;
  const date = new Date(value);
  return (
    <time dateTime={value} title={full.format(date)}>
      {short.format(date)}
    </time>
  );
}
