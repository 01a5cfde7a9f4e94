import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from './data-table';
import { InsightSection } from './insight-section';
import { downloadText, useCellTexts } from './insight-ui';
import { csvFileName, type TableSpec, tableToCsv } from './table-model';

/**
 * A titled chart with its table alternative ("Als tabel") and a CSV of the same table. The chart
 * itself is an image for screen readers (`label`); the table is the accessible version.
 */
export function ChartCard({
  title,
  intro,
  label,
  table,
  csvName,
  minimum,
  controls,
  image = true,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** What the chart shows, in one sentence, for screen readers. */
  label: string;
  table: TableSpec;
  csvName: string[];
  minimum?: number;
  controls?: ReactNode;
  /** false: the content has its own links and text (tiles), so it is not wrapped as one image. */
  image?: boolean;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const texts = useCellTexts();
  const [asTable, setAsTable] = useState(false);
  return (
    <InsightSection
      title={title}
      intro={intro}
      className="chart-card"
      tools={
        <>
          {controls}
          <Button size="xs" variant="default" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {t('insights.showTable')}
          </Button>
        </>
      }
      onDownloadCsv={() => downloadText(csvFileName(...csvName), tableToCsv(table, i18n.language, texts))}
    >
      {asTable ? (
        <DataTable spec={table} caption={title} minimum={minimum} />
      ) : image ? (
        <div role="img" aria-label={label}>
          {children}
        </div>
      ) : (
        <div aria-label={label}>{children}</div>
      )}
    </InsightSection>
  );
}
