const DAY_S = 24 * 3600;
const WEEK_S = 7 * DAY_S;

/** The fewest weeks a time axis shows, so one or two points do not fill the whole width. */
export const MIN_AXIS_WEEKS = 4;

/**
 * The x range (in seconds, as uPlot counts time) for points a week apart: half a week either side
 * of the data, and at least `MIN_AXIS_WEEKS` wide, reaching back before the first point rather
 * than into the future. Left to itself, uPlot stretches a single point over years.
 */
export function timeAxisRange(points: readonly Date[]): [number, number] | null {
  if (points.length === 0) return null;
  const seconds = points.map((point) => point.getTime() / 1000);
  const first = Math.min(...seconds);
  const last = Math.max(...seconds);
  const max = last + WEEK_S / 2;
  const min = Math.min(first - WEEK_S / 2, max - MIN_AXIS_WEEKS * WEEK_S);
  return [min, max];
}
