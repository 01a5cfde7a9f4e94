import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import type { Appraisal } from '@wk/contracts';
import { SELF_LEVEL_LABELS } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { SuccessNote } from '../../components/states';
import { useShareRounds } from './appraisals-api';

import { Lang, MutationError } from './appraisal-shared';

/* Consent: the employee shares chosen self-assessment rounds; the reviewer sees only those, only here. */

/** The employee's consent: which own self-assessment rounds the reviewer may see, here only. */
export function ShareRounds({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(a.sharedRoundIds);
  const share = useShareRounds(a.id);
  const locked = Boolean(a.employeeSignedAt) || a.stage === 'signed' || a.stage === 'closed';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.share')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appraisals.shareIntro')}
        </Text>
        {a.shareableRounds.length === 0 ? (
          <Text size="sm">{t('appraisals.noRounds')}</Text>
        ) : (
          <Checkbox.Group value={chosen} onChange={setChosen} label={t('appraisals.share')}>
            <Stack gap={8} mt={8}>
              {a.shareableRounds.map((r) => (
                <Checkbox
                  key={r.roundId}
                  value={r.roundId}
                  disabled={locked}
                  size="md"
                  label={`${r.cycleName} · ${formatDate(r.openedAt)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {share.isError && <MutationError error={share.error} onReload={onReload} />}
        {share.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
        {a.shareableRounds.length > 0 && !locked && (
          <Button
            variant="default"
            size="md"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => share.mutate(chosen)}
            loading={share.isPending}
          >
            {t('appraisals.shareSave')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The reviewer's view of what the employee chose to share. */
export function SharedAnswers({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  if (!a.sharedSelfAssessments.length) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('appraisals.shared')}
        </Title>
        {a.sharedSelfAssessments.map((s) => (
          <div key={s.roundId}>
            <Text fw={600} size="sm">
              {t('appraisals.sharedRound', { date: formatDate(s.openedAt) })}
            </Text>
            {a.values.flatMap((v) =>
              v.behaviours.map((b) => {
                const found = s.answers.find((x) => x.behaviourId === b.id);
                if (!found) return null;
                return (
                  <Text size="sm" key={b.id}>
                    {b.text}:{' '}
                    <strong>
                      {found.level === null
                        ? t('appraisals.notApplicable')
                        : SELF_LEVEL_LABELS[found.level][lang]}
                    </strong>
                  </Text>
                );
              }),
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
