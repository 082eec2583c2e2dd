import type { ReactNode } from 'react';
import { Switch as AriaSwitch, type SwitchProps as AriaSwitchProps } from 'react-aria-components';
import './field.css';

export interface SwitchProps extends Omit<AriaSwitchProps, 'children' | 'className'> {
  children: ReactNode;
  /** A second line under the label: what turning it on does. */
  hint?: string;
}

/** An on/off setting that takes effect at once (unlike a checkbox in a form that is submitted). */
export function Switch({ children, hint, ...props }: SwitchProps) {
  return (
    <AriaSwitch {...props} className="switch">
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="checkbox-text">
        <span className="checkbox-label">{children}</span>
        {hint && <span className="checkbox-hint">{hint}</span>}
      </span>
    </AriaSwitch>
  );
}
