import { useState, type ChangeEvent, type FormEvent } from 'react';

type Rules<T> = Partial<Record<keyof T, (value: string) => string | null>>;

/**
 * A form of text fields with the part of @mantine/form's API the sign-in page uses
 * (`getInputProps`, `onSubmit` with `validate`), in a few lines: sign-in is a light public page
 * (issue 13) and @mantine/form would be a twentieth of its JavaScript. A field's error clears when it
 * changes; `onSubmit` checks the rules and calls `handler` only when all pass.
 */
export function useTextFields<T extends Record<string, string>>({
  initialValues,
  validate = {},
}: {
  initialValues: T;
  validate?: Rules<T>;
}) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<keyof T, string>>>({});
  const getInputProps = (name: keyof T) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
      setErrors((old) => ({ ...old, [name]: undefined }));
    },
  });
  const onSubmit = (handler: (values: T) => void) => (event?: FormEvent) => {
    event?.preventDefault();
    const found: Partial<Record<keyof T, string>> = {};
    for (const name of Object.keys(validate) as (keyof T)[]) {
      const error = validate[name]?.(values[name]);
      if (error) found[name] = error;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) handler(values);
  };
  return { values, getInputProps, onSubmit };
}
