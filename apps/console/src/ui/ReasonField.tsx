import { TextAreaField } from './TextField';

export interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Characters required once surrounding spaces are trimmed: the server's own minimum. */
  minLength: number;
  label?: string;
  name?: string;
  description?: string;
  autoFocus?: boolean;
}

/** A required few sentences that someone else will read: a reason, a justification. */
export function ReasonField({
  value,
  onChange,
  minLength,
  label = 'Reason',
  name = 'reason',
  description,
  autoFocus,
}: ReasonFieldProps) {
  return (
    <TextAreaField
      label={label}
      name={name}
      rows={3}
      maxLength={2000}
      isRequired
      value={value}
      onChange={onChange}
      description={description}
      validate={(text) => {
        const length = text.trim().length;
        return length >= minLength ? null : `Write at least ${minLength} characters (${length} so far).`;
      }}
      autoFocus={autoFocus}
    />
  );
}
