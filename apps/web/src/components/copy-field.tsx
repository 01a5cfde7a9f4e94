import { Button, CopyButton, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A read-only value with a copy button; "copied" is announced politely. */
export function CopyField({
  label,
  value,
  copyLabel,
  description,
}: {
  label: string;
  value: string;
  copyLabel: string;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        label={label}
        description={description}
        value={value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: '1 1 240px', minWidth: 0 }}
        styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
      />
      <CopyButton value={value} timeout={3000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal.9' : undefined}
            onClick={copy}
          >
            <span aria-live="polite">{copied ? t('common.copied') : copyLabel}</span>
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
