import { Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './recognition.css';

export interface ScaleOption {
  value: string;
  label: string;
  /** Spans the whole row (for "weet ik niet"). */
  wide?: boolean;
}

/**
 * One question as a fieldset whose legend is the question, with native radios styled as a grid
 * of large buttons: Tab enters the group, the arrow keys choose, as with any radio group.
 */
export function ScaleRadios({
  id,
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  ends,
  narrowColumns = 5,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: ScaleOption[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string;
  /** Labels for the two ends of the scale, shown under it. */
  ends?: [string, string];
  /** Columns on a phone; on wider screens every numeric option gets its own column. */
  narrowColumns?: number;
}) {
  const { t } = useTranslation();
  const describedBy = [hint && `${id}-hint`, ends && `${id}-ends`, error && `${id}-error`].filter(Boolean);
  const columns = {
    '--scale-narrow': narrowColumns,
    '--scale-wide': options.filter((o) => !o.wide).length,
  } as CSSProperties;
  return (
    <fieldset
      id={id}
      className="scale-fieldset"
      aria-describedby={describedBy.join(' ') || undefined}
      data-invalid={error ? true : undefined}
    >
      <legend className="scale-legend">{legend}</legend>
      {hint && (
        <Text id={`${id}-hint`} size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {error && (
        <Text id={`${id}-error`} size="sm" c="red.9" fw={600} mt={4}>
          <VisuallyHidden>{t('recognition.errorPrefix')}: </VisuallyHidden>
          {error}
        </Text>
      )}
      <div className="scale-grid" style={columns}>
        {options.map((option) => (
          <label
            key={option.value}
            className={option.wide ? 'scale-option scale-option-wide' : 'scale-option'}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {ends && (
        <div id={`${id}-ends`} className="scale-ends">
          <Text size="sm" c="dimmed">
            {ends[0]}
          </Text>
          <Text size="sm" c="dimmed" ta="right">
            {ends[1]}
          </Text>
        </div>
      )}
    </fieldset>
  );
}
