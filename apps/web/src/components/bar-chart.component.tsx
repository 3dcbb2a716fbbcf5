import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown after the value, e.g. a rank change. */
  note?: string;
}

/**
 * A horizontal bar chart in plain SVG: a dozen parks or dimensions do not need a charting library's weight.
 * Bars are buttons when `onSelect` is given (keyboard reachable, Enter/Space), and the chart has a text title.
 */
export function BarChart({ title, bars, max, onSelect, selected, unit = '' }: { title: string; bars: Bar[]; max?: number; onSelect?: (key: string) => void; selected?: string | null; unit?: string }) {
  const id = useId();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const rowH = 30;
  const labelW = 170;
  const width = 640;
  const barW = width - labelW - 90;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} width="100%" role="group" aria-label={title}>
        {bars.map((b, i) => {
          const w = Math.max(2, (b.value / top) * barW);
          const y = i * rowH + 4;
          const active = selected === b.key;
          const select = () => onSelect?.(b.key);
          return (
            <g
              key={b.key}
              className={`chart__bar${onSelect ? ' chart__bar--interactive' : ''}${active ? ' chart__bar--active' : ''}`}
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              aria-pressed={onSelect ? active : undefined}
              aria-label={`${b.label} ${b.value.toFixed(1)}${unit}${b.note ? ` ${b.note}` : ''}`}
              onClick={select}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  select();
                }
              }}
              data-key={b.key}
            >
              <title>{`${b.label}: ${b.value.toFixed(1)}${unit}`}</title>
              <text x={labelW - 8} y={y + 18} textAnchor="end" className="chart__label">
                {b.label}
              </text>
              <rect x={labelW} y={y + 4} width={w} height={rowH - 10} rx={3} />
              <text x={labelW + w + 6} y={y + 18} className="chart__value">
                {b.value.toFixed(1)}
                {unit}
                {b.note ? ` ${b.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
