import { layoutBars, niceMax, type ChartData } from '@/lib/dashboard/charts';
import { useDash } from './context';

const W = 560;

/** Horizontal bars: category names are long, so they sit on the left of their bar. */
function CategoryChart({ data }: { data: ChartData }) {
  const { t, tl } = useDash();
  const rowH = 26;
  const labelW = 210;
  const barW = W - labelW - 50;
  const max = niceMax(Math.max(...data.byCategory.map((c) => c.count), 0));
  const h = data.byCategory.length * rowH + 8;
  return (
    <figure className="chart">
      <figcaption>{t('chart.byCategory')}</figcaption>
      <svg viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-label={t('chart.byCategoryAria', { n: data.flags })} data-testid="chart-category">
        {data.byCategory.map((c, i) => {
          const y = i * rowH + 4;
          const w = (c.count / max) * barW;
          const label = tl(`category.${c.id}`);
          return (
            <g key={c.id}>
              <title>{`${label}: ${c.count}`}</title>
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="chart__label">
                {label}
              </text>
              <rect x={labelW} y={y + 3} width={Math.max(w, c.count > 0 ? 2 : 0)} height={rowH - 8} className={`chart__bar cat-${c.id}`} />
              <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="chart__value">
                {c.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function WeekChart({ data }: { data: ChartData }) {
  const { t } = useDash();
  const h = 160;
  const top = 16;
  const bottom = 34;
  const weeks = data.byWeek.slice(-26);
  const max = niceMax(Math.max(...weeks.map((w) => w.count), 0));
  // Few weeks: keep bars slim instead of stretching them over the whole width.
  const bars = layoutBars(weeks.map((w) => w.count), Math.min(W - 40, weeks.length * 60), h, 6, max).map((b, i) => ({ ...b, w: weeks[i] }));
  return (
    <figure className="chart">
      <figcaption>{t('chart.byWeek')}</figcaption>
      {weeks.length === 0 ? (
        <p className="muted">{t('chart.noFlags')}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${h + top + bottom}`} width="100%" role="img" aria-label={t('chart.byWeekAria', { n: weeks.length })} data-testid="chart-week">
          <line x1={36} x2={W} y1={top + h} y2={top + h} className="chart__axis" />
          <text x={30} y={top + 4} textAnchor="end" className="chart__value">
            {max}
          </text>
          <text x={30} y={top + h} textAnchor="end" className="chart__value">
            0
          </text>
          {bars.map((b) => (
            <g key={b.w.key} transform={`translate(40 ${top})`}>
              <title>{`${b.w.label}: ${b.w.count}`}</title>
              <rect x={b.x} y={b.y} width={b.width} height={b.height} className="chart__bar" />
              {bars.length <= 14 && (
                <text x={b.x + b.width / 2} y={h + 14} textAnchor="middle" className="chart__tick" data-testid="chart-week-tick">
                  <tspan x={b.x + b.width / 2}>{b.w.short.split(' ')[0]}</tspan>
                  <tspan x={b.x + b.width / 2} dy={12}>
                    {b.w.short.split(' ')[1]?.replace(/[()]/g, '')}
                  </tspan>
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}

export function Charts({ data }: { data: ChartData | null }) {
  const { t } = useDash();
  if (!data) return <p className="muted" aria-live="polite">{t('chart.computing')}</p>;
  return (
    <div className="charts">
      <CategoryChart data={data} />
      <WeekChart data={data} />
    </div>
  );
}
