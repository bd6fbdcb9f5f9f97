/** Text with some ranges marked (search matches), shown as written. */
import type { ReactNode } from 'react';

export function Highlighted({ text, ranges }: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  const sorted = [...ranges].filter(([a, b]) => b > a && a >= 0 && b <= text.length).sort((x, y) => x[0] - y[0]);
  const parts: ReactNode[] = [];
  let at = 0;
  sorted.forEach(([a, b], i) => {
    if (a < at) return; // overlapping: keep the first
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={i}>{text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
