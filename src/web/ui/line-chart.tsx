import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '#web/i18n/index.ts';
import { cx } from './class-names';
import styles from './line-chart.module.css';
import { timeAxisRange } from './time-axis';

export interface ChartSeries {
  label: string;
  /** One value per point of `points`; null where there is nothing for that point. */
  values: (number | null)[];
  /** A CSS custom property from tokens.css, so the line follows light and dark mode. */
  colorVar: '--color-accent' | '--color-danger' | '--color-focus' | '--color-muted';
}

export interface LineChartProps {
  caption: string;
  /** A sentence that says what the chart shows, read instead of the picture. */
  summary: string;
  /** The x positions, as dates (the start of each week, say). */
  points: Date[];
  /** How each point is named in the table. */
  pointLabel: (point: Date) => string;
  series: ChartSeries[];
  /** The y axis runs over this range, so a small change never looks like a cliff. */
  range: [number, number];
}

const HEIGHT = 220;

function cssVar(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || 'currentColor';
}

/**
 * A line chart drawn with uPlot, with the same numbers as a table for anyone who prefers one
 * or uses a screen reader. The drawing itself is hidden from assistive technology.
 */
export function LineChart({ caption, summary, points, pointLabel, series, range }: LineChartProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();

  useEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const text = cssVar(target, '--color-text');
    const grid = cssVar(target, '--color-border');
    const span = timeAxisRange(points);
    const options: uPlot.Options = {
      width: Math.max(target.clientWidth, 240),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: span ? { time: true, range: (): uPlot.Range.MinMax => span } : { time: true },
        y: { range },
      },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: cssVar(target, s.colorVar),
          width: 2,
          spanGaps: true,
          points: { show: true, size: 6 },
        })),
      ],
    };
    const data: uPlot.AlignedData = [
      points.map((p) => p.getTime() / 1000),
      ...series.map((s) => s.values),
    ];
    const plot = new uPlot(options, data, target);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(target.clientWidth, 240), height: HEIGHT });
    });
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points, series, range]);

  return (
    <figure className={styles.figure} aria-describedby={summaryId}>
      <figcaption className={styles.caption}>{caption}</figcaption>
      <p id={summaryId} className={styles.summary}>
        {summary}
      </p>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.label}>
            <span className={cx(styles.swatch, styles[s.colorVar.slice(2)])} />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={plotRef} className={styles.plot} aria-hidden="true" />
      <details className={styles.tableToggle}>
        <summary>{t('chart.showTable')}</summary>
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.when')}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={point.toISOString()}>
                <th scope="row">{pointLabel(point)}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[index] ?? t('chart.nothing')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
