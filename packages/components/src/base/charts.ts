/**
 * Charts with uPlot: the library is loaded on first use with a dynamic `import()` (bundlers split it
 * into its own chunk, so pages without a chart never download it), its stylesheet is provided for
 * shadow roots (the page's CSS does not reach them), and {@link LineChart} draws a monthly series that
 * follows its container's size.
 * @module
 */
import { unsafeCSS } from 'lit';
import type uPlot from 'uplot';

/** The uPlot constructor. */
export type UPlot = typeof uPlot;

let loading: Promise<UPlot> | undefined;

/** Loads uPlot once (later calls share the promise; a failed load is retried on the next call). */
export function loadUPlot(): Promise<UPlot> {
  loading ??= import('uplot').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * `uplot/dist/uPlot.min.css` of uplot 1.6.32, verbatim (a test compares it with the installed file).
 * Add {@link uplotStyles} to the `styles` of an element that draws charts.
 */
export const UPLOT_CSS =
  '.uplot, .uplot *, .uplot *::before, .uplot *::after {box-sizing: border-box;}.uplot {font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji";line-height: 1.5;width: min-content;}.u-title {text-align: center;font-size: 18px;font-weight: bold;}.u-wrap {position: relative;user-select: none;}.u-over, .u-under {position: absolute;}.u-under {overflow: hidden;}.uplot canvas {display: block;position: relative;width: 100%;height: 100%;}.u-axis {position: absolute;}.u-legend {font-size: 14px;margin: auto;text-align: center;}.u-inline {display: block;}.u-inline * {display: inline-block;}.u-inline tr {margin-right: 16px;}.u-legend th {font-weight: 600;}.u-legend th > * {vertical-align: middle;display: inline-block;}.u-legend .u-marker {width: 1em;height: 1em;margin-right: 4px;background-clip: padding-box !important;}.u-inline.u-live th::after {content: ":";vertical-align: middle;}.u-inline:not(.u-live) .u-value {display: none;}.u-series > * {padding: 4px;}.u-series th {cursor: pointer;}.u-legend .u-off > * {opacity: 0.3;}.u-select {background: rgba(0,0,0,0.07);position: absolute;pointer-events: none;}.u-cursor-x, .u-cursor-y {position: absolute;left: 0;top: 0;pointer-events: none;will-change: transform;}.u-hz .u-cursor-x, .u-vt .u-cursor-y {height: 100%;border-right: 1px dashed #607D8B;}.u-hz .u-cursor-y, .u-vt .u-cursor-x {width: 100%;border-bottom: 1px dashed #607D8B;}.u-cursor-pt {position: absolute;top: 0;left: 0;border-radius: 50%;border: 0 solid;pointer-events: none;will-change: transform;/*this has to be !important since we set inline "background" shorthand */background-clip: padding-box !important;}.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off {display: none;}';

/** uPlot's stylesheet, followed by one override: charts use the element's font. */
export const uplotStyles = unsafeCSS(`${UPLOT_CSS}.uplot {font-family: inherit;}`);

/** `YYYY-MM` → months since year 0 (so consecutive months differ by 1). */
export function monthOrdinal(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return year! * 12 + (m! - 1);
}

/** Months since year 0 → the first instant of that month (UTC), as an ISO timestamp. */
export function ordinalToIso(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  const month = ordinal - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01T00:00:00.000Z`;
}

export interface LineChartSpec {
  /** Months of the points (`YYYY-MM`), ascending; gaps are drawn to scale. */
  months: readonly string[];
  /** One value per month. */
  values: readonly number[];
  /** The label of a month on the x axis and in the readout (e.g. "Dec 2010"). */
  monthLabel(month: string): string;
  /** A value on the y axis (short, e.g. "£5.4K"). */
  tick(value: number): string;
  /** A value in the readout (full, e.g. "£5,391.21"). */
  value(value: number): string;
  /** A fixed y range (e.g. CSAT 1–5); default from 0 to a little above the largest value. */
  yRange?: [number, number];
  /** Where the value under the pointer is written ("Mar 2011: £5,391.21"); optional. */
  readout?: HTMLElement;
}

/** Reads a colour (any CSS colour, including `var()` results) as `rgba(r, g, b, alpha)`. */
function withAlpha(color: string, alpha: number): string {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color; // normalised to #rrggbb or rgba(…)
  const normal = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
  if (hex) return `rgba(${parseInt(hex[1]!, 16)}, ${parseInt(hex[2]!, 16)}, ${parseInt(hex[3]!, 16)}, ${alpha})`;
  const rgba = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(normal);
  return rgba ? `rgba(${rgba[1]},${rgba[2]},${rgba[3]}, ${alpha})` : normal;
}

/**
 * One line chart of monthly values drawn by uPlot into `container`, sized to it: a ResizeObserver
 * follows the container's width and height (a hidden container, width 0, is left alone until it shows
 * again). Colours and font come from the container's computed style (`--_accent`, `--_muted`,
 * `--_border`, `font-family`), so create a new chart when the theme changes. Call `destroy()` when the
 * container leaves the page.
 */
export class LineChart {
  readonly plot: uPlot;
  private readonly observer: ResizeObserver;
  private frame = 0;

  constructor(
    UPlotCtor: UPlot,
    readonly container: HTMLElement,
    spec: LineChartSpec,
  ) {
    const style = getComputedStyle(container);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const accent = read('--_accent', '#1d4ed8');
    const muted = read('--_muted', '#4b5563');
    const border = read('--_border', '#d1d5db');
    const font = `12px ${style.fontFamily || 'system-ui, sans-serif'}`;
    const xs = spec.months.map(monthOrdinal);
    const first = xs[0] ?? 0;
    const last = xs.at(-1) ?? 0;
    const labelOf = (x: number) => spec.monthLabel(ordinalToIso(x).slice(0, 7));
    const axis = { stroke: muted, font, grid: { stroke: border, width: 1 }, ticks: { stroke: border, width: 1, size: 4 } };
    const { width, height } = this.size(1);

    this.plot = new UPlotCtor(
      {
        width,
        height,
        legend: { show: false },
        // Room on the end side for the last month's label, which is centred on the last point.
        padding: [8, 28, null, null],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8, fill: accent } },
        scales: {
          x: { time: false, range: () => (first === last ? [first - 1, last + 1] : [first, last]) },
          y: {
            range: (_u, _min, max) => spec.yRange ?? [0, max > 0 ? max * 1.1 : 1],
          },
        },
        axes: [
          {
            ...axis,
            size: 36,
            // One label per month, or every n-th month when there is not enough room (≈ 64px each).
            splits: (u) => {
              const room = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / 64));
              const step = Math.max(1, Math.ceil((last - first + 1) / room));
              const out: number[] = [];
              for (let x = first; x <= last; x += step) out.push(x);
              return out;
            },
            values: (_u, splits) => splits.map(labelOf),
          },
          {
            ...axis,
            size: 56,
            splits: spec.yRange ? Array.from({ length: spec.yRange[1] - spec.yRange[0] + 1 }, (_, i) => spec.yRange![0] + i) : undefined,
            values: (_u, splits) => splits.map((v) => spec.tick(v)),
          },
        ],
        series: [
          {},
          {
            stroke: accent,
            width: 2,
            fill: spec.yRange ? undefined : withAlpha(accent, 0.12),
            points: { show: xs.length <= 24, size: 6, fill: accent, stroke: accent },
          },
        ],
        hooks: spec.readout
          ? {
              setCursor: [
                (u) => {
                  const i = u.cursor.idx;
                  spec.readout!.textContent = i === null || i === undefined ? '' : `${labelOf(xs[i]!)}: ${spec.value(spec.values[i]!)}`;
                },
              ],
            }
          : {},
      },
      [xs, [...spec.values]],
      container,
    );

    this.observer = new ResizeObserver(() => {
      // Resize in the next frame: resizing inside the observer's callback can loop.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const { width: w, height: h } = this.size(0);
        if (w > 0 && h > 0 && (w !== this.plot.width || h !== this.plot.height)) this.plot.setSize({ width: w, height: h });
      });
    });
    this.observer.observe(container);
  }

  /** The container's inner size in whole CSS pixels, at least `min` each way. */
  private size(min: number): { width: number; height: number } {
    const { clientWidth, clientHeight } = this.container;
    return { width: Math.max(min, Math.floor(clientWidth)), height: Math.max(min, Math.floor(clientHeight)) };
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.plot.destroy();
  }
}
