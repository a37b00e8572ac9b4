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

export function printTable(rows: Row[]): string {
  const header = ['measure', 'runs', 'median', 'p95', 'min', 'max', 'unit'];
  const body = rows.map((r) => [
    r.measure,
    String(r.runs),
    percentile(r.values, 50).toFixed(1),
    percentile(r.values, 95).toFixed(1),
    Math.min(...r.values).toFixed(1),
    Math.max(...r.values).toFixed(1),
    r.unit,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
