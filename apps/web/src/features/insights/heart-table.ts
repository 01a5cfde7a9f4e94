import type { TFunction } from 'i18next';
import { type HeartLine, heartMarks, type HeartPoint } from './heart-model';
import type { CellValue, Column, TableSpec } from './table-model';

const col = (key: string, label: string, kind: Column['kind'] = 'text'): Column => ({ key, label, kind });

/**
 * The heart monitor as a table (and CSV), following the chart's view: a row per touchpoint for the
 * average, a row per touchpoint and value for the lines per value. A figure below the anonymity
 * minimum reads "te weinig antwoorden", never a number; a provisional one says so in its marks.
 */
export function heartTable(
  points: HeartPoint[],
  lines: HeartLine[],
  t: TFunction,
  minimum: number,
): TableSpec {
  const perValue = lines.length > 1 || (lines[0] && lines[0].key !== 'average');
  const columns = [
    col('touchpoint', t('insights.heart.touchpoint')),
    col('step', t('insights.heart.step'), 'count'),
    ...(perValue ? [col('value', t('insights.table.value'))] : [col('channel', t('insights.heart.channel'))]),
    col('marks', t('insights.heart.marks')),
    col('grade', t('insights.table.grade'), 'grade'),
    col('gradeCi', t('insights.table.interval'), 'grade'),
    col('answers', t('insights.heart.answers'), 'count'),
  ];
  const rows = points.flatMap((p) =>
    lines.map((line) => {
      const f = p.figures[line.key];
      const hidden = !f || f.state === 'too_few';
      const grade: CellValue = hidden ? t('insights.heart.tooFew', { minimum }) : f.mean;
      return {
        touchpoint: p.name,
        step: p.step,
        ...(perValue
          ? { value: line.name }
          : { channel: t(`customers.channels.${p.channel}`, { defaultValue: p.channel }) }),
        marks: heartMarks(p, f)
          .map((m) => t(`insights.heart.${m}`))
          .join(', '),
        grade,
        gradeCi: hidden || f.mean === null ? null : { low: f.low, high: f.high },
        answers: f?.n ?? 0,
      };
    }),
  );
  return { columns, rows };
}
