import { LEGAL_INSTRUMENTS, type LegalInstrument, type LegalStatus } from '@docket/contracts';

export const instrumentLabel = (instrument: LegalInstrument) => LEGAL_INSTRUMENTS[instrument]?.label ?? instrument;

export const statusLabel = (status: LegalStatus) => status.replace('_', ' ');

/** A date input's value (YYYY-MM-DD) as the start of that UTC day. */
export const dayStart = (day: string) => `${day}T00:00:00Z`;

/** An ISO time as a date input's value. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/** A datetime-local input's value, taken as UTC. */
export const localToIso = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : undefined);

export const DUE_LABELS = { overdue: 'Overdue', due_soon: 'Due soon', later: 'Later', none: '—' } as const;
