/** Form fields shared by requesting, break-glass and approving: justification, scope, duration. */
import type { AccessScope } from '@docket/contracts';
import { NumberField } from '../../ui/NumberField';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { ReasonField } from '../../ui/ReasonField';
import { TextField } from '../../ui/TextField';
import { formatMinutes, fromLocalInput, toLocalInput } from './access-format';

export function JustificationField({
  value,
  onChange,
  minLength,
  label = 'Justification',
}: {
  value: string;
  onChange: (value: string) => void;
  minLength: number;
  label?: string;
}) {
  return (
    <ReasonField
      label={label}
      name="justification"
      value={value}
      onChange={onChange}
      minLength={minLength}
      description={`Why you need to read it, in a real sentence: at least ${minLength} characters (${value.trim().length} so far). Supervisors and auditors read this.`}
    />
  );
}

export function DurationField({
  value,
  onChange,
  min,
  max,
  label = 'Duration (minutes)',
}: {
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  label?: string;
}) {
  return (
    <NumberField
      label={label}
      name="durationMinutes"
      minValue={min}
      maxValue={max}
      step={1}
      isRequired
      value={value}
      onChange={onChange}
      description={
        min === max ? `Exactly ${formatMinutes(min)}.` : `From ${formatMinutes(min)} to ${formatMinutes(max)}.`
      }
      validate={(minutes) =>
        Number.isInteger(minutes) && minutes >= min && minutes <= max
          ? null
          : `Between ${formatMinutes(min)} and ${formatMinutes(max)}.`
      }
    />
  );
}

export interface ScopeDraft {
  kind: AccessScope['kind'];
  context: number;
  /** `datetime-local` values. */
  from: string;
  to: string;
}

export function scopeDraft(
  scope: AccessScope | null,
  fallback: { from: string; to: string; context: number },
): ScopeDraft {
  return {
    kind: scope?.kind ?? 'reported_context',
    context: scope?.kind === 'reported_context' ? scope.context : fallback.context,
    from: toLocalInput(scope?.kind === 'time_window' ? scope.from : fallback.from),
    to: toLocalInput(scope?.kind === 'time_window' ? scope.to : fallback.to),
  };
}

/** The scope to send, or null while the window is incomplete or backwards. */
export function scopeFromDraft(draft: ScopeDraft): AccessScope | null {
  if (draft.kind === 'full_conversation') return { kind: 'full_conversation' };
  if (draft.kind === 'reported_context') return { kind: 'reported_context', context: draft.context };
  const from = fromLocalInput(draft.from);
  // The window includes the whole last minute the person picked.
  const toStart = fromLocalInput(draft.to);
  if (!from || !toStart) return null;
  const to = new Date(Date.parse(toStart) + 59_999).toISOString();
  return Date.parse(from) < Date.parse(to) ? { kind: 'time_window', from, to } : null;
}

const KIND_LABELS: Record<AccessScope['kind'], { label: string; hint: string }> = {
  reported_context: { label: 'Reported messages and their context', hint: 'The reported messages ± N messages.' },
  time_window: { label: 'A time window', hint: 'Every message sent between two times.' },
  full_conversation: { label: 'The whole conversation', hint: 'Only when nothing narrower will do.' },
};

export function ScopeFields({
  value,
  onChange,
  kinds,
  maxContext,
}: {
  value: ScopeDraft;
  onChange: (value: ScopeDraft) => void;
  /** The kinds on offer (an approval may only narrow). */
  kinds: readonly AccessScope['kind'][];
  maxContext: number;
}) {
  return (
    <>
      {kinds.length > 1 && (
        <RadioGroup
          label="Scope"
          name="scope"
          isRequired
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind: kind as AccessScope['kind'] })}
        >
          {kinds.map((kind) => (
            <Radio key={kind} value={kind} hint={KIND_LABELS[kind].hint}>
              {KIND_LABELS[kind].label}
            </Radio>
          ))}
        </RadioGroup>
      )}
      {value.kind === 'reported_context' && (
        <NumberField
          label="Messages either side of each reported one"
          name="context"
          minValue={0}
          maxValue={maxContext}
          step={1}
          isRequired
          value={value.context}
          onChange={(context) => onChange({ ...value, context })}
          description={`0 to ${maxContext}.`}
        />
      )}
      {value.kind === 'time_window' && (
        <div className="access-window">
          <TextField
            label="From"
            name="from"
            type="datetime-local"
            isRequired
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <TextField
            label="To"
            name="to"
            type="datetime-local"
            isRequired
            value={value.to}
            onChange={(to) => onChange({ ...value, to })}
            validate={() => (scopeFromDraft(value) ? null : 'Must be after “From”.')}
          />
        </div>
      )}
    </>
  );
}
