/** Labelled inputs of the service pages: text, date, number, a fixed choice, a text area. */
import {
  Field,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
} from '@strapi/design-system';

interface Common {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  error?: string | null;
}

export const TextField = ({
  name,
  label,
  hint,
  required = false,
  error,
  type = 'text',
  value,
  onChange,
}: Common & {
  type?: 'text' | 'date' | 'number';
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint} error={error ?? undefined}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      name={name}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const ChoiceField = ({
  name,
  label,
  hint,
  required = false,
  error,
  options,
  value,
  onChange,
}: Common & {
  options: Array<[value: string, label: string]>;
  value: string;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} required={required} hint={hint} error={error ?? undefined}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value}
      onChange={(choice: string | number) => onChange(String(choice))}
      data-testid={`field-${name}`}
    >
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const TextAreaField = ({
  name,
  label,
  hint,
  required = false,
  error,
  rows = 3,
  value,
  onChange,
}: Common & { rows?: number; value: string; onChange: (value: string) => void }) => (
  <Field.Root name={name} required={required} hint={hint} error={error ?? undefined}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      name={name}
      rows={rows}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
