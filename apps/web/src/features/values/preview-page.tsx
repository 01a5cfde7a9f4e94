import { Button, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import type { ValueSetVersion } from '@wk/contracts';
import {
  RECOGNITION_MAX,
  RECOGNITION_MIN,
  recognitionQuestion,
  SELF_LEVEL_LABELS,
  SELF_LEVELS,
} from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { TitledSection } from '../../components/titled-section';
import { useCurrentValues } from './values-api';
import { localized, textIn } from './values-model';

const GRADES = Array.from({ length: RECOGNITION_MAX - RECOGNITION_MIN + 1 }, (_, i) =>
  String(RECOGNITION_MIN + i),
);

/** One value per step with its behaviours on the four levels, as the self-assessment will ask. */
function EmployeePreview({ version }: { version: ValueSetVersion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [step, setStep] = useState(0);
  const value = version.values[step];
  const name = localized(value, lang).name;
  return (
    <TitledSection title={t('values.previewEmployee')} intro={t('values.previewEmployeeHint')}>
      <Text fw={600}>{t('values.step', { n: step + 1, total: version.values.length, name })}</Text>
      <Progress
        value={((step + 1) / version.values.length) * 100}
        aria-label={t('values.step', { n: step + 1, total: version.values.length, name })}
      />
      {value.behaviours.map((b) => (
        <Radio.Group key={b.key} label={`${t('values.behaviourPrefix')} ${textIn(b, lang)}`}>
          <Group gap="md" mt={6} wrap="wrap">
            {SELF_LEVELS.map((level) => (
              <Radio key={level} value={String(level)} label={SELF_LEVEL_LABELS[level][lang]} />
            ))}
            <Radio value="na" label={t('values.notApplicable')} />
          </Group>
        </Radio.Group>
      ))}
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('common.previous')}
        </Button>
        <Button
          variant="default"
          disabled={step === version.values.length - 1}
          onClick={() => setStep(step + 1)}
        >
          {t('common.next')}
        </Button>
      </Group>
    </TitledSection>
  );
}

/** The recognition question per value, on the 1-10 grade with "don't know". */
function CustomerPreview({ version }: { version: ValueSetVersion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <TitledSection title={t('values.previewCustomer')} intro={t('values.previewCustomerHint')} gap="md">
      {version.values.map((value) => (
        <Radio.Group key={value.key} label={recognitionQuestion(value, lang)}>
          <Group gap="sm" mt={6} wrap="wrap">
            {GRADES.map((grade) => (
              <Radio key={grade} value={grade} label={grade} />
            ))}
            <Radio value="unknown" label={t('values.dontKnow')} />
          </Group>
        </Radio.Group>
      ))}
    </TitledSection>
  );
}

export function PreviewPage() {
  const { t } = useTranslation();
  const current = useCurrentValues();
  return (
    <Page title={t('values.preview')} intro={t('values.previewIntro')}>
      <QueryState query={current}>
        {(version) =>
          version && version.values.length ? (
            <Stack gap="lg">
              <EmployeePreview version={version} />
              <CustomerPreview version={version} />
            </Stack>
          ) : (
            <EmptyState>{t('values.nonePublished')}</EmptyState>
          )
        }
      </QueryState>
    </Page>
  );
}
