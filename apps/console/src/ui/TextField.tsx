import type { Ref } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';
import './field.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** "none" for usernames and codes, so phones do not capitalise them. */
  autoCapitalize?: 'none' | 'sentences' | 'words';
}

/** A labelled text input with its description and error message wired up for assistive tech. */
export function TextField({ label, description, placeholder, inputRef, autoCapitalize, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field-label">{label}</Label>
      <Input ref={inputRef} className="field-input" placeholder={placeholder} autoCapitalize={autoCapitalize} />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </AriaTextField>
  );
}

export interface TextAreaFieldProps extends Omit<TextFieldProps, 'inputRef' | 'autoCapitalize'> {
  textAreaRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
}

/** TextField for a few sentences: a rationale, a reason. */
export function TextAreaField({
  label,
  description,
  placeholder,
  textAreaRef,
  rows = 4,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field-label">{label}</Label>
      <TextArea ref={textAreaRef} rows={rows} className="field-input field-textarea" placeholder={placeholder} />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error" />
    </AriaTextField>
  );
}
