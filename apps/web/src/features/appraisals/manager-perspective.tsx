import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ManagerPerspective as Perspective } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/states';

/**
 * The third perspective on a value beside self and customer: how managers rated it in the
 * appraisals (organisation-wide per cycle; the api hides cycles below the anonymity minimum).
 */
export function ManagerPerspective({ valueKey }: { valueKey: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['appraisals', 'perspective', valueKey],
    queryFn: ({ signal }) => api<Perspective>('/appraisals/perspective', { query: { valueKey }, signal }),
  });
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 1,
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('appraisals.perspective.title')}
        </Title>
        <QueryState query={query}>
          {(p) =>
            p.cycles.length === 0 ? (
              <Text size="sm">{t('appraisals.perspective.none')}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('appraisals.perspective.intro', { min: p.minimum })}
                </Text>
                <Table.ScrollContainer minWidth={320}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('appraisals.cycle')}</Table.Th>
                        <Table.Th>n</Table.Th>
                        <Table.Th>{t('appraisals.perspective.mean')}</Table.Th>
                        <Table.Th>{t('appraisals.perspective.index')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.cycles.map((c) => (
                        <Table.Tr key={c.cycleId}>
                          <Table.Th scope="row">{c.cycleName}</Table.Th>
                          <Table.Td>{c.n}</Table.Td>
                          <Table.Td>
                            {c.suppressed || c.mean === null
                              ? t('appraisals.cycles.tooFew', { n: c.n })
                              : number.format(c.mean)}
                          </Table.Td>
                          <Table.Td>{c.index === null ? '–' : Math.round(c.index)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
