import type { ReactNode, Ref } from 'react';
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  type ComboBoxProps as AriaComboBoxProps,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  type ListBoxItemProps,
  Popover,
  Text,
} from 'react-aria-components';
import { wordPrefixFilter } from './word-prefix-filter';
import './field.css';
import './menu.css';

export interface ComboBoxProps<T extends object> extends Omit<AriaComboBoxProps<T>, 'children' | 'className'> {
  label: string;
  description?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  children: ReactNode | ((item: T) => ReactNode);
}

/** A text input that filters a list of options; only an option from the list can be chosen. */
export function ComboBox<T extends object>({
  label,
  description,
  placeholder,
  inputRef,
  children,
  ...props
}: ComboBoxProps<T>) {
  return (
    // Opens on focus too, not only from its chevron or by typing: the list is the point of the field.
    <AriaComboBox defaultFilter={wordPrefixFilter} menuTrigger="focus" {...props} className="field combobox">
      <Label className="field-label">{label}</Label>
      <div className="combobox-row">
        <Input ref={inputRef} className="field-input combobox-input" placeholder={placeholder} />
        <AriaButton className="combobox-button">
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        </AriaButton>
      </div>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
      <Popover className="menu-popover combobox-popover" placement="bottom start">
        <ListBox className="menu combobox-list">{children}</ListBox>
      </Popover>
    </AriaComboBox>
  );
}

export function ComboBoxItem(props: Omit<ListBoxItemProps, 'className'>) {
  return <ListBoxItem {...props} className="menu-item" />;
}
