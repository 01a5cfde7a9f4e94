import { Paper, Text } from '@mantine/core';
import { SELF_LEVEL_DESCRIPTIONS, SELF_LEVEL_LABELS, SELF_LEVELS } from '@wk/domain';
import { useTranslation } from 'react-i18next';

/** The four levels explained in one short line each, where an employee answers. */
export function LevelLegend() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="levels-title">
      <Text id="levels-title" size="sm" fw={600} mb={4}>
        {t('selfAssessment.levelsTitle')}
      </Text>
      <dl
        style={{
          margin: 0,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, max-content) 1fr',
          gap: '2px 12px',
        }}
      >
        {SELF_LEVELS.map((level) => (
          <div key={level} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" fw={600}>
              {SELF_LEVEL_LABELS[level][lang]}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {SELF_LEVEL_DESCRIPTIONS[level][lang]}
            </Text>
          </div>
        ))}
      </dl>
    </Paper>
  );
}
