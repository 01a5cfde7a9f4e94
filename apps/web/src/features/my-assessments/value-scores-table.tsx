import { Table, Text } from '@mantine/core';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../lib/number-format';

/** One value's result in a self-assessment round (home's last result, my assessments' rounds). */
export interface ValueScore {
  key: string;
  nameNl: string;
  nameEn: string;
  myScore: number | null;
  teamAverage: number | null;
}

/** My score and the team average per value; `tooFew` stands where the average is hidden. */
export function ValueScoresTable({ values, tooFew }: { values: ValueScore[]; tooFew: string }) {
  const { t, i18n } = useTranslation();
  const score = (n: number | null) => (n === null ? '–' : formatDecimal(n, 1, i18n.language));
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('myAssessments.value')}</Table.Th>
          <Table.Th>{t('myAssessments.myScore')}</Table.Th>
          <Table.Th>{t('myAssessments.teamAverage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {values.map((v) => (
          <Table.Tr key={v.key}>
            <Table.Td>{localized(v.nameNl, v.nameEn, i18n.language)}</Table.Td>
            <Table.Td>{score(v.myScore)}</Table.Td>
            <Table.Td>
              {v.teamAverage === null ? (
                <Text span size="sm" c="dimmed">
                  {tooFew}
                </Text>
              ) : (
                score(v.teamAverage)
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
