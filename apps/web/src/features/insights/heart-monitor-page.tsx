import { Select, SimpleGrid, Stack } from '@mantine/core';
import type { HeartMonitor } from '@wk/contracts';
import { localized as localizedName } from '@wk/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useJourneys } from '../customers/customers-api';
import { useCurrentValues } from '../values/values-api';
import { localized } from '../values/values-model';
import { HeartChart } from './heart-chart';
import { useHeartMonitor } from './insights-api';
import { InsightsNav } from './insights-nav';
import { PeriodPicker } from './period-picker';
import { useInsightsParams } from './use-insights-params';

/** The journey and its touchpoints by their English names for English readers (libs/domain localized). */
const inLanguage = (monitor: HeartMonitor, lang: string): HeartMonitor => ({
  ...monitor,
  name: localizedName(monitor.name, monitor.nameEn, lang),
  points: monitor.points.map((p) => ({ ...p, name: localizedName(p.name, p.nameEn, lang) })),
});

/** /insights/journeys and /insights/journeys/:id: pick a journey (the first preselected), see its heart monitor. */

export function HeartMonitorPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { calendarKind, at, periodSearch: period } = useInsightsParams();
  // The view (average or per value) stays when another journey is picked.
  const [params] = useSearchParams();
  const periodSearch = params.get('view') === 'values' ? `${period}&view=values` : period;
  const journeys = useJourneys();
  // The journey is preselected when there is one: the first, so the page never opens empty.
  const first = journeys.data?.[0]?.id;
  useEffect(() => {
    if (!id && first) navigate(`/insights/journeys/${first}${periodSearch}`, { replace: true });
  }, [id, first, navigate, periodSearch]);
  const monitor = useHeartMonitor(id, calendarKind, at);
  const values = useCurrentValues().data?.values ?? [];
  const valueNames = (key: string) => {
    const v = values.find((x) => x.key === key);
    return v ? localized(v, i18n.language).name : key;
  };
  return (
    <Page title={t('insights.heart.title')} intro={t('insights.heart.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <QueryState query={journeys}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('insights.heart.noJourneys')}</EmptyState>
            ) : (
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }} className="no-print">
                  <Select
                    label={t('insights.heart.pick')}
                    placeholder={t('insights.heart.pickPlaceholder')}
                    data={list.map((j) => ({
                      value: j.id,
                      label: localizedName(j.name, j.nameEn, i18n.language),
                    }))}
                    value={id ?? null}
                    allowDeselect={false}
                    searchable
                    onChange={(next) => next && navigate(`/insights/journeys/${next}${periodSearch}`)}
                  />
                  <PeriodPicker />
                </SimpleGrid>
                {!id ? (
                  <EmptyState>{t('insights.heart.pickFirst')}</EmptyState>
                ) : (
                  <QueryState query={monitor}>
                    {(data) =>
                      data.points.length === 0 ? (
                        <EmptyState>{t('insights.heart.noTouchpoints')}</EmptyState>
                      ) : (
                        <HeartChart
                          monitor={inLanguage(data, i18n.language)}
                          valueNames={valueNames}
                          csvName={[data.name, data.period]}
                        />
                      )
                    }
                  </QueryState>
                )}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
