import type { ReactNode } from 'react';
import {
  Radio as AriaRadio,
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
  type RadioProps as AriaRadioProps,
  FieldError,
  Label,
  Text,
} from 'react-aria-components';
import './field.css';

export interface RadioGroupProps extends Omit<AriaRadioGroupProps, 'children' | 'className'> {
  label: string;
  description?: string;
  children: ReactNode;
}

export function RadioGroup({ label, description, children, ...props }: RadioGroupProps) {
  return (
    <AriaRadioGroup {...props} className="field radio-group">
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <div className="radio-list">{children}</div>
      <FieldError className="field-error" />
    </AriaRadioGroup>
  );
}

export interface RadioProps extends Omit<AriaRadioProps, 'children' | 'className'> {
  children: ReactNode;
  /** A second line under the label. */
  hint?: string;
  /** Shown at the end of the row, e.g. the option's keyboard shortcut. */
  end?: ReactNode;
}

export function Radio({ children, hint, end, ...props }: RadioProps) {
  return (
    <AriaRadio {...props} className="radio">
      <span className="radio-circle" aria-hidden="true" />
      <span className="checkbox-text">
        <span className="checkbox-label">{children}</span>
        {hint && <span className="checkbox-hint">{hint}</span>}
      </span>
      {end && <span className="radio-end">{end}</span>}
    </AriaRadio>
  );
}
