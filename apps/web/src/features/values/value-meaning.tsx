import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ExperienceValue } from '@wk/contracts';
import { LOADING_AREAS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/number-format';
import { localized, textIn } from './values-model';

/** The facts of a value at a glance: level, tier, theme, charge and target. */
export function ValueBadges({ value }: { value: ExperienceValue }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color="dark">
        {t(`values.tiers.${value.tier}`)}
      </Badge>
      {value.theme && (
        <Badge variant="outline" color="dark">
          {value.theme}
        </Badge>
      )}
      <Badge variant="outline" color="dark">
        {t(`values.charges.${value.charge}`)}
      </Badge>
      <Badge variant="outline" color="dark">
        {t('values.target', {
          // The app's language, not the browser's: "7,5" in Dutch.
          grade: formatNumber(value.targetGrade, 'grade', i18n.language),
        })}
      </Badge>
    </Group>
  );
}

/** A value loaded on both levels: what it means for the organisation and which behaviour it asks. */
export function ValueMeaning({
  value,
  headingLevel = 3,
}: {
  value: ExperienceValue;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { description } = localized(value, lang);
  const sub = Math.min(headingLevel + 1, 6) as 3 | 4 | 5;
  return (
    <Stack gap="sm" className="value-meaning">
      {description && <Text>{description}</Text>}
      <Title order={sub} size="h5">
        {t('values.meaningOrganisation')}
      </Title>
      {value.loadings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('values.noLoadings')}
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {LOADING_AREAS.flatMap((area) =>
            value.loadings
              .filter((l) => l.area === area)
              .map((l, i) => (
                <List.Item key={`${area}-${i}`}>
                  <Text span fw={600} size="sm">
                    {t(`values.areas.${area}`)}:
                  </Text>{' '}
                  {textIn(l, lang)}
                </List.Item>
              )),
          )}
        </List>
      )}
      <Title order={sub} size="h5">
        {t('values.meaningEmployee')}
      </Title>
      <List spacing={4} size="sm">
        {value.behaviours.map((b) => (
          <List.Item key={b.key}>
            <Text span fw={700} size="sm">
              {t('values.behaviourPrefix')}
            </Text>{' '}
            {textIn(b, lang)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
