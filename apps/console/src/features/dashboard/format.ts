/** How the dashboard writes minutes and times, and names people and queues by id. */
import type { Dashboard } from '@docket/contracts';

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} h`;
  return `${Math.round(minutes / 144) / 10} d`;
}

/** A chart's x label: the day, or day and hour for hourly points (UTC). */
export function formatBucket(iso: string, bucket: Dashboard['queueBucket']): string {
  return bucket === 'hour' ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

export function namer(items: readonly { id: string; name: string }[]) {
  const names = new Map(items.map((item) => [item.id, item.name]));
  return (id: string) => names.get(id) ?? id;
}
