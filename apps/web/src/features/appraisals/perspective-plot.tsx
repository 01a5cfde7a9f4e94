import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRID_STROKE, lineProps, numberOrDash } from '../insights/chart-style';

const VIOLET = '#5f3dc4';

/** The managers' index over the cycles (manager-perspective.tsx loads it on demand). */
export function PerspectivePlot({ series }: { series: { cycle: string; index: number | null }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={series} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis dataKey="cycle" />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={36} />
        <Tooltip formatter={numberOrDash('index', i18n.language)} />
        <Line
          {...lineProps('index', t('appraisals.perspective.index'), VIOLET)}
          dot={{ r: 4 }}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
