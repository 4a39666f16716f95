/**
 * `admin report --html`: one self-contained file. Its charts are plain SVG written here, inline,
 * with the styles in the file: no charting library to ship or keep up to date, no script, no
 * request to anywhere, so it opens offline and can be mailed or archived as it is.
 */
import { escapeHtml } from '../mail/render-mail.js';
import type { ReportData, SeriesName } from './report-data.js';
import { dailySuccess, groupLabel, seriesLabels, share, successRate } from './report-text.js';

const width = 640;
const height = 140;
const pad = { left: 48, right: 8, top: 10, bottom: 22 };

/** A bar a day; each bar's title says its day and value, the axis its largest value. */
function barChart(
  title: string,
  days: readonly string[],
  values: readonly (number | null)[],
  unit = '',
): string {
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const step = plotWidth / Math.max(1, values.length);
  const bars = values
    .map((value, index) => {
      const barHeight = ((value ?? 0) / max) * plotHeight;
      const x = pad.left + index * step + step * 0.15;
      const y = pad.top + plotHeight - barHeight;
      const label = `${days[index]}: ${value === null ? 'no resets' : `${value}${unit}`}`;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${barHeight.toFixed(1)}"><title>${escapeHtml(label)}</title></rect>`;
    })
    .join('');
  const base = pad.top + plotHeight;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}, per day">
<line class="axis" x1="${pad.left}" y1="${base}" x2="${width - pad.right}" y2="${base}"/>
<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end">${max}${unit}</text>
<text x="${pad.left - 4}" y="${base}" text-anchor="end">0</text>
<text x="${pad.left}" y="${height - 6}">${escapeHtml(days[0] ?? '')}</text>
<text x="${width - pad.right}" y="${height - 6}" text-anchor="end">${escapeHtml(days[days.length - 1] ?? '')}</text>
<g class="bars">${bars}</g>
</svg></figure>`;
}

/** A horizontal bar per group: the share of its users with a verified recovery email. */
function coverageChart(data: ReportData): string {
  const rowHeight = 26;
  const labelWidth = 160;
  const barWidth = width - labelWidth - 130;
  const rows = data.coverage
    .map(({ group, users, verified }, index) => {
      const percent = share(verified, users);
      const y = index * rowHeight;
      return `<text x="0" y="${y + 17}">${escapeHtml(groupLabel(group))}</text>
<rect class="track" x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="16"/>
<rect x="${labelWidth}" y="${y + 4}" width="${((percent / 100) * barWidth).toFixed(1)}" height="16"><title>${escapeHtml(`${verified} of ${users}`)}</title></rect>
<text x="${labelWidth + barWidth + 8}" y="${y + 17}">${percent} % (${verified}/${users})</text>`;
    })
    .join('\n');
  const total = Math.max(1, data.coverage.length) * rowHeight;
  return `<svg viewBox="0 0 ${width} ${total}" role="img" aria-label="Users with a verified recovery email, by group">
${rows}
</svg>`;
}

const style = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:44rem;padding:0 1rem;color:#1b1b1f;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.25rem}
svg{width:100%;height:auto;font-size:11px;fill:#1b1b1f}
.bars rect,svg>rect{fill:#2f6fdb}svg>rect.track{fill:#e3e7ef}.axis{stroke:#9aa0ab}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #e3e7ef}
td.n{text-align:right;font-variant-numeric:tabular-nums}`;

export function reportHtml(data: ReportData, generatedAt: Date): string {
  const { days, series } = data;
  const total = (name: SeriesName) => series[name].reduce((sum, value) => sum + value, 0);
  const rate = successRate(total('resetsCompleted'), total('resetsStarted'));
  const chart = (name: SeriesName) =>
    barChart(`${seriesLabels[name]} (${total(name)})`, days, series[name]);
  const reasons =
    data.reasons.length === 0
      ? '<p>None in this period.</p>'
      : `<table><thead><tr><th>Reason</th><th>Count</th></tr></thead><tbody>${data.reasons
          .map(
            ({ text, count }) => `<tr><td>${escapeHtml(text)}</td><td class="n">${count}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const title = `Gatehouse report for ${data.tenant}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${days[0]} to ${days[days.length - 1]}, ${days.length} days, counted in ${data.timeZone}. Made ${generatedAt.toISOString()}.`)}</p>
<h2>Registration</h2>
<p>Users with a verified recovery email, who can reset their password themselves.</p>
${coverageChart(data)}
<h2>Password resets</h2>
<p>${escapeHtml(`Success rate: ${rate === null ? 'no resets started' : `${rate} % of the resets started were completed`}.`)}</p>
${chart('resetsStarted')}
${chart('codesVerified')}
${chart('resetsCompleted')}
${barChart('success rate per day', days, dailySuccess(data), ' %')}
<h2>Sign-in trouble</h2>
${chart('signInFailures')}
${chart('lockouts')}
<h2>Top failure reasons</h2>
${reasons}
</body>
</html>
`;
}
