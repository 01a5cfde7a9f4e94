import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ExperienceValue, ValueSetVersion } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Dialog } from '../../components/dialog';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, QueryState, SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { useCurrentValues } from './values-api';
import { localized, pyramidRows, themeGroups } from './values-model';
import { ValueBadges, ValueMeaning } from './value-meaning';
import { ValueTargetEditor } from './value-target-editor';
import './values.css';

/** "Versie 2, gepubliceerd op … door …" */
export function VersionLine({ version }: { version: ValueSetVersion }) {
  const { t } = useTranslation();
  const date = version.publishedAt ? formatDateTime(version.publishedAt) : '';
  return (
    <Text c="dimmed" data-testid="version-line">
      {version.publishedByName
        ? t('values.versionLine', { number: version.number, date, name: version.publishedByName })
        : t('values.versionLineNoName', { number: version.number, date })}
    </Text>
  );
}

function ValueCard({ value, onOpen }: { value: ExperienceValue; onOpen: () => void }) {
  const { i18n } = useTranslation();
  const { name } = localized(value, i18n.language);
  return (
    <UnstyledButton onClick={onOpen} className={`value-card tier-${value.tier}`} aria-haspopup="dialog">
      <Stack gap={6}>
        <Text fw={700} size="lg">
          {name}
        </Text>
        <ValueBadges value={value} />
      </Stack>
    </UnstyledButton>
  );
}

function House({ version }: { version: ValueSetVersion }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [openKey, setOpenKey] = useState<string | null>(null);
  // By key: after a target change the refreshed version shows in the open dialog too.
  const open = version.values.find((v) => v.key === openKey) ?? null;
  const themes = themeGroups(version.values);
  return (
    <Stack gap="lg">
      <VersionLine version={version} />
      <section aria-labelledby="pyramid-title">
        <Title order={2} size="h4" id="pyramid-title" mb="sm">
          {t('values.pyramid')}
        </Title>
        <ol className="pyramid">
          {pyramidRows(version.values).map((row, i) => (
            <li
              key={row.level}
              className={`pyramid-row pyramid-row-${i}`}
              aria-label={t(`values.levels.${row.level}`)}
            >
              <Paper withBorder p="sm" radius="md" className="pyramid-level">
                <Group justify="space-between" mb={6} wrap="wrap" gap={4}>
                  <Text fw={700}>{t(`values.levels.${row.level}`)}</Text>
                  <Text size="sm" c="dimmed" fs="italic">
                    {t(`values.levelWords.${row.level}`)}
                  </Text>
                </Group>
                {row.values.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('values.emptyLevel')}
                  </Text>
                ) : (
                  <div className="pyramid-values">
                    {row.values.map((v) => (
                      <ValueCard key={v.key} value={v} onOpen={() => setOpenKey(v.key)} />
                    ))}
                  </div>
                )}
              </Paper>
            </li>
          ))}
        </ol>
      </section>
      {themes.length > 0 && (
        <section aria-labelledby="themes-title">
          <Title order={2} size="h4" id="themes-title" mb="sm">
            {t('values.themes')}
          </Title>
          <Group gap="md" wrap="wrap">
            {themes.map((group) => (
              <Paper key={group.theme} withBorder p="sm" radius="md">
                <Text fw={700} tt="capitalize">
                  {group.theme}
                </Text>
                <Text size="sm">{group.values.map((v) => localized(v, i18n.language).name).join(' · ')}</Text>
              </Paper>
            ))}
          </Group>
        </section>
      )}
      {open && (
        <Dialog title={localized(open, i18n.language).name} onClose={() => setOpenKey(null)} size="lg">
          <Stack gap="sm">
            <Group gap={6}>
              <Badge color="dark" variant="filled">
                {t(`values.levels.${open.level}`)}
              </Badge>
              <ValueBadges value={open} />
            </Group>
            <ValueMeaning value={open} headingLevel={2} />
            {can('values.write') && <ValueTargetEditor value={open} />}
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}

export function ValuesHousePage() {
  const { t } = useTranslation();
  const can = useCan();
  const current = useCurrentValues();
  const published = (useLocation().state as { published?: number } | null)?.published;
  const links = (
    <>
      <Button component={Link} to="/values/booklet" variant="default">
        {t('values.booklet')}
      </Button>
      <Button component={Link} to="/values/preview" variant="default">
        {t('values.preview')}
      </Button>
      {can('values.write') && (
        <Button component={Link} to="/values/edit">
          {t('values.edit')}
        </Button>
      )}
    </>
  );
  return (
    <Page
      title={t('values.houseTitle')}
      intro={t('values.houseIntro')}
      actions={current.data ? links : undefined}
    >
      {published && <SuccessNote>{t('values.publish.published', { number: published })}</SuccessNote>}
      <QueryState query={current}>
        {(version) =>
          version ? (
            <House version={version} />
          ) : (
            <EmptyState
              action={
                can('values.write') ? (
                  <Anchor component={Link} to="/values/edit">
                    {t('values.startEditing')}
                  </Anchor>
                ) : undefined
              }
            >
              {t('values.nonePublished')}
            </EmptyState>
          )
        }
      </QueryState>
    </Page>
  );
}
