import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Every IANA zone the browser knows; the chosen one stays listed even if the browser lacks it. */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return current && !known.includes(current) ? [current, ...known] : known;
}

/** The time zone is picked from a searchable list, never typed. */
export function TimeZoneSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => zones(value), [value]);
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      limit={200}
      nothingFoundMessage={t('common.none')}
      error={error}
    />
  );
}
