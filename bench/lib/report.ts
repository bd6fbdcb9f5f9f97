/**
 * One table format for every benchmark: each figure printed beside the floor
 * (or peer) it is compared with, measured in the same run, and whether the
 * target is met. `npm run bench` runs every bench/*.bench.ts file.
 */
export interface BenchRow {
  /** What was measured, e.g. "open 5,000 sources". */
  figure: string;
  /** The measured value, already formatted with its unit ("12.3 ms"). */
  value: string;
  /** The floor or peer it is compared with, measured in the same run ("9.8 ms read+parse"). */
  floor: string;
  /** The target in words ("≤ 1.3× floor"). */
  target: string;
  /** Whether the target is met. */
  ok: boolean;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const header: BenchRow = {
    figure: 'figure',
    value: 'value',
    floor: 'floor / peer (same run)',
    target: 'target',
    ok: true,
  };
  const cells = [header, ...rows].map((r) => [
    r.figure,
    r.value,
    r.floor,
    r.target,
    r === header ? 'met' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n## ${title}\n`);
  console.log(line(cells[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells.slice(1)) console.log(line(c));
}

export function ms(value: number, digits = 2): string {
  return `${value.toFixed(digits)} ms`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs fn `n` times and returns the sorted durations in milliseconds. */
export async function timeRuns(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
