import type { ReactNode } from 'react';

interface Props {
  label: string;
  value: ReactNode;
  /** A second line under the value: a unit, a date, a caveat. */
  hint?: ReactNode;
  /** Goes on the value element, whose text is then exactly `value`. */
  testId?: string;
  tone?: 'neutral' | 'good' | 'warn';
}

/** One figure on a dashboard. Use inside a `<dl className="card-grid">`. */
export function StatCard({ label, value, hint, testId, tone = 'neutral' }: Props) {
  return (
    <div className={`stat-card stat-card-${tone}`}>
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value" data-testid={testId}>
        {value}
      </dd>
      {hint !== undefined && <dd className="stat-hint">{hint}</dd>}
    </div>
  );
}
