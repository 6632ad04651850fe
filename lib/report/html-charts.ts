import { escapeHtml } from './escape';

/**
 * Inline SVG charts of the HTML report. Each takes plain data and returns SVG markup with no
 * script, no external reference and every label escaped; each value is also written as text, with
 * `data-kpi`, `data-key` and `data-value` attributes, so a reader (or a test) gets the numbers from
 * the page without colour.
 */

/** Colour family of a bar or gauge: a severity, or a score band. The chart always labels it in text. */
export type Tone = 'critical' | 'high' | 'medium' | 'low' | 'good' | 'fair' | 'poor' | 'none';

/** One bar of a {@link barChart}. */
export interface ChartBar {
  /** Value of `data-key`: a severity, a framework id, an MCSB domain id. */
  readonly key: string;
  /** Label on the left of the bar. */
  readonly label: string;
  /** Length of the bar, 0..max; null draws no bar (nothing applied). */
  readonly value: number | null;
  /** The value as printed at the end of the bar: `3`, `72.5%`, `n/a`. */
  readonly text: string;
  readonly tone: Tone;
  /** Small print under the label: `12 passed, 3 failed`. */
  readonly note?: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  /** Accessible title of the chart. */
  readonly title: string;
  /** Value of `data-kpi` on each value text: `severity`, `framework`, `domain`. */
  readonly kpi: string;
  /** Full length of a bar; at least 1. */
  readonly max: number;
  /** Width of the chart in CSS pixels (it shrinks to fit narrower pages); default 640. */
  readonly width?: number;
  /** Width of the label column; default 40% of the width. */
  readonly labelWidth?: number;
}

const VALUE_W = 70;
const ROW_H = 40;

/** A horizontal bar chart, one row a bar, the value printed after it. */
export function barChart(bars: readonly ChartBar[], o: BarChartOptions): string {
  const width = o.width ?? 640;
  const labelW = o.labelWidth ?? Math.round(width * 0.4);
  const track = width - labelW - VALUE_W - 10;
  const max = Math.max(1, o.max);
  const height = Math.max(1, bars.length) * ROW_H;
  const rows = bars.map((b, i) => {
    const y = i * ROW_H;
    const len = b.value === null ? 0 : Math.max(b.value > 0 ? 2 : 0, (track * Math.min(b.value, max)) / max);
    const label = b.note
      ? `<text x="0" y="${y + 16}" class="bar-label">${escapeHtml(b.label)}</text>` +
        `<text x="0" y="${y + 32}" class="bar-note">${escapeHtml(b.note)}</text>`
      : `<text x="0" y="${y + 25}" class="bar-label">${escapeHtml(b.label)}</text>`;
    return (
      `<g class="bar">${label}` +
      `<rect x="${labelW}" y="${y + 12}" width="${track}" height="18" rx="3" class="track"/>` +
      `<rect x="${labelW}" y="${y + 12}" width="${len.toFixed(1)}" height="18" rx="3" class="fill tone-${b.tone}"/>` +
      `<text x="${width}" y="${y + 26}" text-anchor="end" class="bar-value" data-kpi="${escapeHtml(o.kpi)}" ` +
      `data-key="${escapeHtml(b.key)}" data-value="${b.value === null ? '' : b.value}">${escapeHtml(b.text)}</text></g>`
    );
  });
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="${escapeHtml(o.title)}">` +
    `<title>${escapeHtml(o.title)}</title>${rows.join('')}</svg>`
  );
}

/** Score band of a percentage: good from 90, fair from 70, else poor; `none` when nothing applied. */
export function scoreTone(score: number | null): Tone {
  if (score === null) return 'none';
  return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
}

/** Words for a score band, printed beside the colour. */
export const TONE_WORD: Readonly<Record<Tone, string>> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  good: 'good',
  fair: 'fair',
  poor: 'poor',
  none: 'nothing applied',
};

/**
 * A ring gauge of a score 0..100: the arc is the score, the number and its band are written in the
 * middle. The number carries `data-kpi="score"`.
 */
export function scoreGauge(score: number | null, title: string): string {
  const r = 62;
  const c = 2 * Math.PI * r;
  const tone = scoreTone(score);
  const dash = score === null ? 0 : (c * Math.max(0, Math.min(100, score))) / 100;
  const text = score === null ? 'n/a' : score.toFixed(1);
  return (
    `<svg class="gauge" viewBox="0 0 160 160" width="180" height="180" role="img" ` +
    `aria-label="${escapeHtml(`${title}: ${text}${score === null ? '' : ' out of 100'}`)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<circle cx="80" cy="80" r="${r}" class="track" fill="none" stroke-width="16"/>` +
    `<circle cx="80" cy="80" r="${r}" class="arc tone-${tone}" fill="none" stroke-width="16" ` +
    `stroke-dasharray="${dash.toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 80 80)"/>` +
    `<text x="80" y="82" text-anchor="middle" class="gauge-value" data-kpi="score" ` +
    `data-value="${score === null ? '' : score}">${text}</text>` +
    `<text x="80" y="104" text-anchor="middle" class="gauge-note">${score === null ? '' : 'out of 100 · '}${TONE_WORD[tone]}</text>` +
    `</svg>`
  );
}
