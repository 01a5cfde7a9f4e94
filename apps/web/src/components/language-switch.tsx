import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { LOCALES, type Locale } from '@wk/domain';
import type { Me } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { currentLanguage, setLanguage } from '../i18n/language';
import { ME_KEY } from '../features/auth/session';

const NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

/**
 * NL/EN toggle; a signed-in person's choice is also saved, so their e-mails follow it. A page that
 * keeps the language elsewhere (the public answer page keeps it in `?lang=`) passes `onChoose`.
 */
export function LanguageSwitch({ onChoose }: { onChoose?: (locale: Locale) => void } = {}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = client.getQueryData<Me | null>(ME_KEY);
  const active = currentLanguage();

  const choose = (locale: Locale) => {
    if (onChoose) return onChoose(locale);
    setLanguage(locale);
    if (me && me.locale !== locale)
      void api<Me>('/me', { method: 'PATCH', body: { locale } }).then((updated) =>
        client.setQueryData(ME_KEY, updated),
      );
  };

  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('app.language')}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="compact-sm"
          variant={active === locale ? 'filled' : 'subtle'}
          aria-pressed={active === locale}
          title={NAMES[locale]}
          lang={locale}
          onClick={() => choose(locale)}
        >
          {locale.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
