import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { HomeAppraisal, HomeOverview, HomeSelfAssessments } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { ValueScoresTable } from '../my-assessments/value-scores-table';
import { formatDay } from './home-model';

import { Dimmed, Overdue, Section } from './home-parts';

/* The employee's own cards: the waiting self-assessment and appraisal, the last result. */

export function SelfAssessmentCard({ data }: { data: HomeSelfAssessments }) {
  const { t } = useTranslation();
  return (
    <Section id="home-form" title={t('home.form.title')}>
      {data.open.length === 0 ? (
        <Dimmed>{t('home.form.none')}</Dimmed>
      ) : (
        data.open.map((form) => (
          <Stack key={form.roundId} gap="xs" align="flex-start">
            <Text>
              {t(form.completedAt ? 'home.form.submitted' : 'home.form.waiting', {
                cycle: form.cycleName,
                date: formatDate(form.closesAt),
              })}
            </Text>
            <Button component={Link} to={form.formPath} variant={form.completedAt ? 'default' : 'filled'}>
              {t(form.completedAt ? 'home.form.change' : 'home.form.fillIn')}
            </Button>
          </Stack>
        ))
      )}
    </Section>
  );
}

export function AppraisalCard({ appraisals }: { appraisals: HomeAppraisal[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="home-appraisal" title={t('home.appraisal.title')}>
      {appraisals.map((a) => (
        <Stack key={a.id} gap="xs" align="flex-start">
          <Text fw={600}>{a.cycleName}</Text>
          <Group gap="xs">
            <Text>{t('home.appraisal.stage', { stage: t(`appraisals.stage.${a.stage}`) })}</Text>
            {a.dueDate && (
              <Text c="dimmed">· {t('home.dueOn', { date: formatDay(a.dueDate, i18n.language) })}</Text>
            )}
            {a.overdue && <Overdue />}
          </Group>
          <Button component={Link} to={`/appraisals/${a.id}`} variant="light">
            {t('home.appraisal.open')}
          </Button>
        </Stack>
      ))}
    </Section>
  );
}

export function LastResultCard({ last }: { last: HomeOverview['selfAssessments']['last'] }) {
  const { t } = useTranslation();
  return (
    <Section
      id="home-last"
      title={t('home.last.title')}
      link={
        <Anchor component={Link} to="/my-assessments">
          {t('home.last.all')}
        </Anchor>
      }
    >
      {!last ? (
        <Dimmed>{t('home.last.none')}</Dimmed>
      ) : (
        <>
          <Dimmed>{t('home.last.intro', { cycle: last.cycleName, date: formatDate(last.opensAt) })}</Dimmed>
          <ValueScoresTable values={last.values} tooFew={t('home.last.tooFew')} />
        </>
      )}
    </Section>
  );
}
