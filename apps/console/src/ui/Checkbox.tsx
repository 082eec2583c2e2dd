import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  type CheckboxProps as AriaCheckboxProps,
  FieldError,
  Label,
  Text,
} from 'react-aria-components';
import './field.css';

export interface CheckboxGroupProps extends Omit<AriaCheckboxGroupProps, 'children' | 'className'> {
  label: string;
  description?: string;
  children: ReactNode;
}

export function CheckboxGroup({ label, description, children, ...props }: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup {...props} className="field checkbox-group">
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <div className="checkbox-list">{children}</div>
      <FieldError className="field-error" />
    </AriaCheckboxGroup>
  );
}

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children' | 'className'> {
  children: ReactNode;
  /** A second line under the label, e.g. what a role grants. */
  hint?: string;
}

export function Checkbox({ children, hint, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className="checkbox">
      {({ isSelected }) => (
        <>
          <span className="checkbox-box" aria-hidden="true">
            {isSelected && (
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
              </svg>
            )}
          </span>
          <span className="checkbox-text">
            <span className="checkbox-label">{children}</span>
            {hint && <span className="checkbox-hint">{hint}</span>}
          </span>
        </>
      )}
    </AriaCheckbox>
  );
}
