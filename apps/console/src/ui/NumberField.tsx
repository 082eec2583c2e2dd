import {
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from 'react-aria-components';
import './field.css';

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, 'children' | 'className'> {
  label: string;
  description?: string;
}

/** A labelled whole-number input; arrow keys step it, and it never accepts letters. */
export function NumberField({ label, description, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField {...props} className="field">
      <Label className="field-label">{label}</Label>
      <Input className="field-input number-field-input" />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </AriaNumberField>
  );
}
