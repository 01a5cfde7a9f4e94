import { useState } from 'react';

type StringKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * A form's editable copy of what it saves. `set` changes one field; `text` binds a text input or
 * textarea to a string field, with the api's error for that field (`errors` by field name).
 */
export function useDraft<T extends object>(initial: T | (() => T), errors: Record<string, string> = {}) {
  const [draft, setDraft] = useState<T>(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const text = (key: StringKey<T>) => ({
    value: draft[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as T[typeof key]),
    error: errors[key],
  });
  return { draft, setDraft, set, text };
}
