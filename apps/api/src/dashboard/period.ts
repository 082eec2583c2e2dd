import { DASHBOARD_MAX_DAYS, type DashboardQuery } from '@docket/contracts';

const DAY_MS = 86_400_000;
/** Periods of up to two days chart queue history by the hour; longer ones by the day. */
const HOURLY_UP_TO_DAYS = 2;

export interface Period {
  from: string;
  to: string;
  /** [start, end): midnight UTC of `from`, midnight UTC after `to`. */
  start: Date;
  end: Date;
  bucket: 'hour' | 'day';
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The days asked for, or the last seven (UTC) ending today; `from` alone runs to today, within the limit. */
export function resolvePeriod(query: DashboardQuery, now = new Date()): Period {
  const today = Date.parse(dayOf(now));
  const to =
    query.to ??
    (query.from
      ? dayOf(
          new Date(
            Math.min(
              Math.max(Date.parse(query.from), today),
              Date.parse(query.from) + (DASHBOARD_MAX_DAYS - 1) * DAY_MS,
            ),
          ),
        )
      : dayOf(now));
  const from = query.from ?? dayOf(new Date(Date.parse(to) - 6 * DAY_MS));
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  return { from, to, start, end, bucket: days <= HOURLY_UP_TO_DAYS ? 'hour' : 'day' };
}
