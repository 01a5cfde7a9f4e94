import { Alert, Blockquote, Paper, Stack, Text, Title } from '@mantine/core';
import type { Wave } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../components/format';
import { QueryState } from '../../components/states';
import { useSurveyComments } from './surveys-api';
import { commentGroup } from './wave-model';

/** The latest comments; groups under the comment minimum are named, their comments never shown. */
export function SurveyComments({ surveyId, waves }: { surveyId: string; waves: Wave[] }) {
  const { t } = useTranslation();
  const comments = useSurveyComments(surveyId);
  const groupName = (group: string) => {
    const g = commentGroup(group, waves);
    if (g.kind === 'open') return t('surveys.comments.openGroup');
    if (g.kind === 'wave') return t('surveys.comments.waveGroup', { date: formatDate(g.opensAt) });
    return t('surveys.comments.unknownGroup');
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="comments-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="comments-title">
          {t('surveys.comments.title')}
        </Title>
        <QueryState query={comments}>
          {(data) => (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('surveys.comments.intro', { minimum: data.minimum })}
              </Text>
              {data.withheld.map((w) => (
                <Alert key={w.group} color="gray" variant="light">
                  {t('surveys.comments.withheld', {
                    group: groupName(w.group),
                    count: w.responses,
                    minimum: data.minimum,
                  })}
                </Alert>
              ))}
              {data.comments.length === 0 ? (
                <Text size="sm">{t('surveys.comments.empty')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {data.comments.map((c, i) => (
                    <li key={`${c.submittedAt}-${i}`}>
                      <Blockquote color="blue.8" p="sm">
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {c.text}
                        </Text>
                        <Text size="xs" c="dimmed" mt={4}>
                          {formatDateTime(c.submittedAt)} · {groupName(c.group)}
                        </Text>
                      </Blockquote>
                    </li>
                  ))}
                </Stack>
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
