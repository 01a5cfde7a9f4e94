import { Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useMe } from '../auth/session';
import { useCurrentValues } from './values-api';
import { VersionLine } from './values-house-page';
import { localized } from './values-model';
import { ValueBadges, ValueMeaning } from './value-meaning';
import './values.css';

/** Every value with its meaning and behaviours; prints as a clean A4 booklet from the browser. */
export function BookletPage() {
  const { t, i18n } = useTranslation();
  const current = useCurrentValues();
  const organisation = useMe().data?.organisation.name ?? '';
  return (
    <Page
      title={t('values.booklet')}
      intro={t('values.bookletIntro')}
      actions={
        current.data ? (
          <Button className="no-print" onClick={() => window.print()}>
            {t('values.print')}
          </Button>
        ) : undefined
      }
    >
      <QueryState query={current}>
        {(version) =>
          version ? (
            <Stack gap="md">
              <div className="booklet-cover print-only">
                <Title order={2}>{t('values.bookletCover', { organisation })}</Title>
                <VersionLine version={version} />
              </div>
              <div className="no-print">
                <VersionLine version={version} />
              </div>
              {version.values.map((value) => (
                <Paper
                  key={value.key}
                  withBorder
                  p="md"
                  radius="md"
                  component="section"
                  className="booklet-value"
                >
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="wrap">
                      <Title order={2} size="h3">
                        {localized(value, i18n.language).name}
                      </Title>
                      <Badge color="dark" variant="filled">
                        {t(`values.levels.${value.level}`)}
                      </Badge>
                    </Group>
                    <ValueBadges value={value} />
                    <ValueMeaning value={value} headingLevel={2} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ) : (
            <EmptyState>{t('values.nonePublished')}</EmptyState>
          )
        }
      </QueryState>
    </Page>
  );
}
