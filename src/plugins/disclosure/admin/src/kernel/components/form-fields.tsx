/** The action forms' labelled inputs: text, a fixed choice, a text area. */
import {
  Field,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
} from '@strapi/design-system';

export const TextField = ({
  name,
  label,
  hint,
  required = true,
  type = 'text',
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date' | 'number';
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

/** A required choice among fixed options, given as [value, label]. */
export const ChoiceField = ({
  name,
  label,
  hint,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  options: Array<[value: string, label: string]>;
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(choice: string | number) => onChange(String(choice))}>
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
  </Field.Root>
);

export const TextAreaField = ({
  name,
  label,
  hint,
  value,
  required = true,
  rows,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  required?: boolean;
  rows?: number;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint || undefined}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      rows={rows}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);
