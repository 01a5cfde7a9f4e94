import { Select } from '@mantine/core';
import { LOCALES, type Locale } from '@wk/domain';
import type { ReactNode } from 'react';

/** Each language in its own words, as people look for it. */
const NATIVE_NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };
const OPTIONS = LOCALES.map((locale) => ({ value: locale, label: NATIVE_NAMES[locale] }));

/**
 * The product's languages to pick from. Without `placeholder` one must be chosen; with it, none
 * (e.g. "like the organisation") is allowed and `onChange` gets null.
 */
export function LocaleSelect({
  label,
  value,
  onChange,
  error,
  placeholder,
}: {
  label: string;
  value: Locale | null;
  onChange: (locale: Locale | null) => void;
  error?: ReactNode;
  placeholder?: string;
}) {
  const optional = placeholder !== undefined;
  return (
    <Select
      label={label}
      data={OPTIONS}
      value={value}
      placeholder={placeholder}
      clearable={optional}
      allowDeselect={optional}
      error={error}
      onChange={(v) => (v || optional ? onChange((v as Locale | null) ?? null) : undefined)}
    />
  );
}
