import { type ReactNode, type Ref, Suspense, useEffect, useRef, useState } from 'react';
import { type ColumnKind, formatNumber } from './table-model';

/**
 * The look the insights charts share, as props to spread on Recharts elements (Recharts reads its
 * children's props, so plain prop objects are the safe way to share them).
 */

export const BLUE = '#1864ab';
export const ORANGE = '#c2410c';
export const GRID_STROKE = '#dee2e6';
export const GRADE_TICKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Legend entries in dark text: series colours alone are too light to read as text. */
export const legendText = (value: string) => <span style={{ color: '#1a1b1e' }}>{value}</span>;

/** A tooltip number in the column's format, a dash for none. */
export const numberOrDash = (kind: ColumnKind, lang: string) => (v: unknown) =>
  typeof v === 'number' ? formatNumber(v, kind, lang) : '–';

/** As numberOrDash, and a band [low, high] as "low – high". */
export function numberOrRange(kind: ColumnKind, lang: string) {
  const one = numberOrDash(kind, lang);
  return (v: unknown) => (Array.isArray(v) ? v.map(one).join(' – ') : one(v));
}

/** A 95% interval drawn as a light band behind its line. */
export const bandProps = (dataKey: string, name: string, colour: string) => ({
  dataKey,
  name,
  fill: colour,
  fillOpacity: 0.15,
  stroke: 'none',
  isAnimationActive: false,
  legendType: 'square' as const,
});

/** A series line; dots and dashes differ per chart. */
export const lineProps = (dataKey: string, name: string, colour: string) => ({
  dataKey,
  name,
  stroke: colour,
  strokeWidth: 2.5,
  isAnimationActive: false,
});

/** The dashed target line with its label ("Doel 7,5"). */
export const targetLineProps = (label: string, position: 'insideTopRight' | 'top') => ({
  stroke: '#495057',
  strokeDasharray: '6 4',
  label: { value: label, position, fill: '#343a40', fontSize: 12 },
});

/** The height of a bar chart with one bar per group. */
export const barsHeight = (bars: unknown[]) => Math.max(120, bars.length * 44 + 50);

/** The room a chart takes while its drawing (Recharts, loaded on demand) is on its way. */
export const PlotSpace = ({ height, ref }: { height: number; ref?: Ref<HTMLDivElement> }) => (
  <div ref={ref} className="plot-space" style={{ height }} />
);

/**
 * A chart's drawing (a lazy Recharts part), rendered once its place comes near the screen or the
 * page is printed, and until then an empty box of its height: a long page's charts further down do
 * not hold a phone's main thread while the figures at the top are being read (issue 13). Without
 * IntersectionObserver (jsdom) it renders at once.
 */
export function Plot({ height, children }: { height: number; children: ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const show = () => setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: '200px',
    });
    observer.observe(element);
    window.addEventListener('beforeprint', show);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', show);
    };
  }, [near]);
  if (!near) return <PlotSpace height={height} ref={place} />;
  return <Suspense fallback={<PlotSpace height={height} />}>{children}</Suspense>;
}
