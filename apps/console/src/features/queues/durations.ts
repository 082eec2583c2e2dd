/** Short durations for dense tables: at most two units, written the way reviewers say them. */

const MINUTE_MS = 60_000;

function hoursAndMinutes(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** How long something has waited: "< 1 min", "45 min", "3 h 12 min", "2 d", "2 d 5 h". */
export function formatAge(milliseconds: number): string {
  const totalMinutes = Math.floor(Math.max(0, milliseconds) / MINUTE_MS);
  if (totalMinutes < 1) return '< 1 min';
  const days = Math.floor(totalMinutes / (24 * 60));
  if (days === 0) return hoursAndMinutes(totalMinutes);
  const hours = Math.floor(totalMinutes / 60) % 24;
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** An SLA in hours, as policies state them ("1 h", "24 h", "72 h"), with minutes only when set. */
export function formatSla(minutes: number): string {
  return hoursAndMinutes(minutes);
}

/** A countdown to the second, for leases: "9:05", "0:42"; it stops at "0:00". */
export function formatCountdown(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1_000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Time left until a deadline, or how far past it: "in 45 min", "2 h 5 min overdue". */
export function formatDue(milliseconds: number): string {
  return milliseconds >= 0 ? `in ${formatAge(milliseconds)}` : `${formatAge(-milliseconds)} overdue`;
}

const DAY_MS = 24 * 60 * MINUTE_MS;
const MONTH_DAYS = 365.25 / 12;

/** How old an account is, at the scale that matters: "5 d", "7 mo", "8 y 2 mo". */
export function formatAccountAge(milliseconds: number): string {
  const days = Math.floor(Math.max(0, milliseconds) / DAY_MS);
  if (days < 1) return formatAge(milliseconds);
  if (days < 60) return `${days} d`;
  const months = Math.floor(days / MONTH_DAYS);
  if (months < 24) return `${months} mo`;
  const years = Math.floor(months / 12);
  return months % 12 === 0 ? `${years} y` : `${years} y ${months % 12} mo`;
}
