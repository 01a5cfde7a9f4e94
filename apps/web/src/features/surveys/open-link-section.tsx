import { Anchor, Group, Image, Text } from '@mantine/core';
import type { Survey } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/copy-field';
import { TitledSection } from '../../components/titled-section';
import { qrUrl } from './surveys-api';

/** The open link for a desk, letter or poster: copy it, or print its QR code. */
export function OpenLinkSection({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  return (
    <TitledSection title={t('surveys.openLink.title')}>
      {survey.openLinkEnabled && survey.openLink ? (
        <>
          <CopyField
            label={t('surveys.openLink.link')}
            value={survey.openLink}
            copyLabel={t('surveys.openLink.copy')}
          />
          <Image
            src={qrUrl(survey.id, 'svg')}
            alt={t('surveys.openLink.qrAlt', { name: survey.name })}
            w={180}
            h={180}
            fit="contain"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          />
          <Group gap="md">
            <Anchor href={qrUrl(survey.id, 'png')} download={`qr-${survey.id}.png`}>
              {t('surveys.openLink.downloadPng')}
            </Anchor>
            <Anchor href={qrUrl(survey.id, 'svg')} download={`qr-${survey.id}.svg`}>
              {t('surveys.openLink.downloadSvg')}
            </Anchor>
          </Group>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('surveys.openLink.off')}
        </Text>
      )}
    </TitledSection>
  );
}
