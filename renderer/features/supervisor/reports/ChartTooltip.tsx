import type { ReactNode } from 'react';
import type { ChartPoint } from './chart-data';

export interface TooltipRow {
  name: string;
  value: string;
  color: string;
}

/** The floating box over a chart: the bucket, each series' value with its colour, then notes (target, total). */
export function ChartTooltip({ point, rows, notes, hint }: { point: ChartPoint | undefined; rows: TooltipRow[]; notes?: ReactNode[]; hint?: string }) {
  if (!point) return null;
  return (
    <div className="sv-tooltip">
      <p className="sv-tooltip__title">{point.longLabel}</p>
      <ul className="sv-tooltip__rows">
        {rows.map((r) => (
          <li key={r.name} className="sv-tooltip__row">
            <span className="sv-tooltip__swatch" style={{ background: r.color }} aria-hidden="true" />
            <span className="sv-tooltip__name">{r.name}</span>
            <span className="sv-tooltip__value">{r.value}</span>
          </li>
        ))}
      </ul>
      {notes?.filter(Boolean).map((n, i) => (
        <p key={i} className="sv-tooltip__note">
          {n}
        </p>
      ))}
      {hint ? <p className="sv-tooltip__hint">{hint}</p> : null}
    </div>
  );
}
