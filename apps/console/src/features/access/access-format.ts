/** How access requests and grants read on screen. */
import type { AccessScope, JUSTIFICATION_CODES } from '@docket/contracts';

export const JUSTIFICATION_LABELS: Record<(typeof JUSTIFICATION_CODES)[number], { label: string; hint: string }> = {
  USER_REPORT: { label: 'User report', hint: 'The report itself needs the surrounding messages.' },
  LEGAL_REQUEST: { label: 'Legal request', hint: 'A valid legal request covers this conversation.' },
  CHILD_SAFETY_ESCALATION: { label: 'Child safety escalation', hint: 'A child may be at risk.' },
  IMMINENT_HARM: { label: 'Imminent harm', hint: 'Someone may be hurt soon.' },
  APPEAL_REVIEW: { label: 'Appeal review', hint: 'An earlier decision is being appealed.' },
  OWN_INITIATIVE_REVIEW: { label: 'Own-initiative review', hint: 'No report asks for it; explain why it is needed.' },
};

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function scopeLabel(scope: AccessScope): string {
  if (scope.kind === 'full_conversation') return 'The whole conversation';
  if (scope.kind === 'reported_context') {
    return scope.context === 0
      ? 'The reported messages only'
      : `The reported messages ± ${scope.context} message${scope.context === 1 ? '' : 's'}`;
  }
  return `Messages sent ${dateTime.format(new Date(scope.from))} – ${dateTime.format(new Date(scope.to))}`;
}

/** Minutes as people say them: "15 min", "1 h 30 min", "24 h". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A grant's time left, to the second: "0:42", "14:05", "2:03:09"; it stops at "0:00". */
export function formatTimeLeft(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1_000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** `datetime-local` input values, in the browser's zone, to and from ISO instants. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
