import { Anchor, Group, List, Text } from '@mantine/core';
import type { ActionSummary } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { QueryState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import type { ActionDetail } from '@wk/contracts';
import { STATUS_COLOR } from '../actions/action-model';
import { useCan } from '../auth/session';
import { useActions } from '../actions/actions-api';
import { TitledSection } from '../../components/titled-section';
import { useTeamComments } from './team-api';
import { useInsightsParams } from './use-insights-params';

/** Customer comments given for the team in a month or quarter: whole groups at or above the comment minimum. */
export function TeamCommentsCard({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { kind, at } = useInsightsParams();
  const calendar = kind === 'month' || kind === 'quarter';
  const comments = useTeamComments(teamId, kind === 'month' ? 'month' : 'quarter', at, calendar && !!at);
  if (kind === 'round') return null;
  if (!calendar)
    return (
      <TitledSection gap="xs" title={t('insights.teamView.comments.title')}>
        <Text c="dimmed">{t('insights.teamView.comments.calendarOnly')}</Text>
      </TitledSection>
    );
  return (
    <QueryState query={comments}>
      {(data) => (
        <TitledSection
          gap="xs"
          title={t('insights.teamView.comments.title')}
          intro={t('insights.teamView.comments.intro', { minimum: data.minimum })}
        >
          {data.comments.length === 0 ? (
            <Text c="dimmed">{t('insights.teamView.comments.none')}</Text>
          ) : (
            <List spacing="sm" listStyleType="none" className="team-comments">
              {data.comments.map((c, i) => (
                <List.Item key={`${c.day}-${i}`}>
                  <Text component="blockquote" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      formatDate(`${c.day}T12:00:00`),
                      c.teamName,
                      localized(c.touchpointName, c.touchpointNameEn, i18n.language) ||
                        t('insights.teamView.comments.noTouchpoint'),
                    ].join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          {data.withheldResponses > 0 && (
            <Text size="sm" c="dimmed">
              {t('insights.teamView.comments.withheld', { count: data.withheldResponses })}
            </Text>
          )}
          {can('surveys.read') && (
            <Anchor component={Link} to="/surveys/comments" size="sm">
              {t('insights.teamView.comments.more')}
            </Anchor>
          )}
        </TitledSection>
      )}
    </QueryState>
  );
}

/** The effect of each action (before vs after), from its detail; at most this many are asked for. */
const EFFECTS_SHOWN = 20;

function effectText(detail: ActionDetail | undefined, t: (k: string) => string): string {
  if (!detail) return '…';
  const e = detail.effect;
  return t(`insights.teamView.actions.effects.${e.state === 'pending' ? 'pending' : e.verdict}`);
}

/** The team's actions (a department's: also its teams') with status, due date and whether they worked. */
export function TeamActionsCard({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const list = useActions({ teamId });
  const shown: ActionSummary[] = (list.data ?? []).slice(0, EFFECTS_SHOWN);
  const details = useQueries({
    queries: shown.map((a) => ({
      queryKey: ['actions', 'detail', a.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<ActionDetail>(`/actions/${encodeURIComponent(a.id)}`, { signal }),
    })),
  });
  return (
    <TitledSection
      gap="xs"
      title={t('insights.teamView.actions.title')}
      intro={t('insights.teamView.actions.intro')}
    >
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('insights.teamView.actions.none')}</Text>
          ) : (
            <List spacing="sm" listStyleType="none" className="team-actions">
              {rows.map((a, i) => (
                <List.Item key={a.id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/actions/${a.id}`}>
                      {a.what}
                    </Anchor>
                    <StatusBadge color={STATUS_COLOR[a.status]}>
                      {t(`actions.statuses.${a.status}`)}
                    </StatusBadge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      // A department lists its teams' actions too: name the team where it is another.
                      a.cell.teamId !== teamId ? a.cell.teamName : '',
                      a.owner.name,
                      t('insights.teamView.actions.due', { date: formatDate(`${a.dueDate}T12:00:00`) }),
                      i < EFFECTS_SHOWN
                        ? `${t('insights.teamView.actions.effect')}: ${effectText(details[i]?.data, t)}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </TitledSection>
  );
}
