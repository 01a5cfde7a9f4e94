import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import type { Wave } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { QueryState } from '../../components/states';
import { downloadText } from '../insights/insight-ui';
import { csvFileName } from '../insights/table-model';
import { commentsToCsv } from './comments-csv';
import { CommentItem } from './comments-page';
import { fetchCommentsExport, useCommentPreview } from './surveys-api';
import { commentGroup } from './wave-model';

const PREVIEW_SIZE = 3;

/**
 * A preview of the latest comments with a link to read, search and filter them all (the comments
 * page); the CSV export of every comment of the groups at or above the minimum.
 */
export function SurveyComments({ surveyId, waves }: { surveyId: string; waves: Wave[] }) {
  const { t, i18n } = useTranslation();
  const preview = useCommentPreview(surveyId, PREVIEW_SIZE);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const groupName = (group: string) => {
    const g = commentGroup(group, waves);
    if (g.kind === 'open') return t('surveys.comments.openGroup');
    if (g.kind === 'wave') return t('surveys.comments.waveGroup', { date: formatDate(g.opensAt) });
    return t('surveys.comments.unknownGroup');
  };
  // Fetched only on request: every comment of the groups at or above the minimum, as CSV.
  const exportCsv = async () => {
    setExporting(true);
    setExportFailed(false);
    try {
      const data = await fetchCommentsExport(surveyId);
      const csv = commentsToCsv(data, i18n.language, {
        date: t('surveys.comments.csvDate'),
        group: t('surveys.comments.csvGroup'),
        comment: t('surveys.comments.csvComment'),
        groupName,
      });
      downloadText(csvFileName(t('surveys.comments.csvFile')), csv);
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="comments-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="comments-title">
            {t('surveys.reading.previewTitle')}
          </Title>
          <Button size="xs" variant="default" loading={exporting} onClick={() => void exportCsv()}>
            {t('surveys.comments.export')}
          </Button>
        </Group>
        {exportFailed && (
          <Alert color="red" role="alert">
            {t('surveys.comments.exportFailed')}
          </Alert>
        )}
        <QueryState query={preview}>
          {(data) => (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('surveys.comments.intro', { minimum: data.minimum })}
              </Text>
              {data.withheld && (
                <Alert color="gray" variant="light">
                  {t('surveys.reading.withheld', { minimum: data.minimum })}
                </Alert>
              )}
              {data.comments.length === 0 ? (
                <Text size="sm">{t('surveys.comments.empty')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {data.comments.map((c, i) => (
                    <CommentItem key={`${c.submittedAt}-${i}`} comment={c} />
                  ))}
                </Stack>
              )}
              {data.total > 0 && (
                <Group>
                  <Button component={Link} to={`/surveys/comments?survey=${surveyId}`} variant="light">
                    {t('surveys.reading.readAll', { count: data.total })}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
