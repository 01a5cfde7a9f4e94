import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TitledSection } from '../../components/titled-section';

/**
 * The frame of every chart and heatmap: a titled section whose tools (left out of print) end in
 * the CSV download, an optional intro, then the content.
 */
export function InsightSection({
  title,
  intro,
  tools,
  onDownloadCsv,
  className,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** Buttons or selects before the CSV download. */
  tools?: ReactNode;
  onDownloadCsv: () => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <TitledSection
      title={title}
      intro={intro}
      gap="sm"
      className={className}
      tools={
        <>
          {tools}
          <Button size="xs" variant="default" onClick={onDownloadCsv}>
            {t('insights.downloadCsv')}
          </Button>
        </>
      }
    >
      {children}
    </TitledSection>
  );
}
