/**
 * What the line charts of `<behavior-analytics>` draw: for each chart whose container is rendered
 * (the CLV and CSAT trends), its months, values, axis ticks and value labels in the configured locale.
 * @module
 */
import type { BehaviorAnalytics } from '@c360/sdk';
import type { LineChartSpec } from '../base/charts.js';
import type { Formatter } from '../base/format.js';

/** The charts of the element: cumulative lifetime value and average CSAT, by month. */
export type ChartId = 'clv' | 'csat';

/** One chart to draw: where (its `[data-chart]` container) and what. */
export interface ChartSpecEntry {
  id: ChartId;
  container: HTMLElement;
  spec: LineChartSpec;
}

/** What the specs are made of. */
export interface ChartSpecsView {
  data: BehaviorAnalytics;
  /** The element's formatter (money, numbers and its cached month names). */
  format: Formatter;
  /** Where the chart containers (`[data-chart=…]`) and readouts (`[data-readout=…]`) are rendered. */
  root: ParentNode;
}

/** The specs of the charts that have data and a rendered container, CLV first. */
export function chartSpecs(view: ChartSpecsView): ChartSpecEntry[] {
  const { data, format: f, root } = view;
  const money = (v: number) => f.money(v, data.currency);
  const compact = new Intl.NumberFormat(f.locale, {
    style: 'currency',
    currency: data.currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const monthLabel = (month: string) => f.month(month);
  const out: ChartSpecEntry[] = [];
  const find = (id: ChartId) => root.querySelector<HTMLElement>(`[data-chart=${id}]`);
  const readout = (id: ChartId) => root.querySelector<HTMLElement>(`[data-readout=${id}]`) ?? undefined;
  const clv = find('clv');
  if (clv && data.clvTrend.length) {
    out.push({
      id: 'clv',
      container: clv,
      spec: {
        months: data.clvTrend.map((p) => p.month),
        values: data.clvTrend.map((p) => p.value),
        monthLabel,
        tick: (v) => compact.format(v),
        value: money,
        readout: readout('clv'),
      },
    });
  }
  const csat = find('csat');
  if (csat && data.csatTrend.length) {
    out.push({
      id: 'csat',
      container: csat,
      spec: {
        months: data.csatTrend.map((p) => p.month),
        values: data.csatTrend.map((p) => p.average),
        monthLabel,
        tick: (v) => f.number(v),
        value: (v) => `${f.number(v, 2)} / 5`,
        yRange: [1, 5],
        readout: readout('csat'),
      },
    });
  }
  return out;
}
