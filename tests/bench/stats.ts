/** Order statistics and a plain-text table for benchmark output. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Row {
  measure: string;
  runs: number;
  values: number[];
  unit: string;
}

/** Small figures (throughputs in M chars/s, ratios) with two decimals, the rest with one. */
const figure = (value: number) => value.toFixed(Math.abs(value) < 10 ? 2 : 1);

export function printTable(rows: Row[]): string {
  const header = ['measure', 'runs', 'median', 'p95', 'min', 'max', 'unit'];
  const body = rows.map((r) => [
    r.measure,
    String(r.runs),
    figure(percentile(r.values, 50)),
    figure(percentile(r.values, 95)),
    figure(Math.min(...r.values)),
    figure(Math.max(...r.values)),
    r.unit,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
