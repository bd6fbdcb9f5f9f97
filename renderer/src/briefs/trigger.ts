/**
 * Where a citation search starts: `@query` or `/cite query` right before the
 * cursor, at the start of a paragraph or after a space, bracket or opening
 * quote (so an e-mail address does not open it). Pure, for tests.
 */
const TRIGGER = /(?:^|[\s([{"\u201c\u2018])(@|\/cite(?: |$))([^\s\ufffc@][^\ufffc@\n]{0,39})?$/;

/** `length`: characters the trigger covers before the cursor (replaced by the citation); `query`: what to search for. */
export function findTrigger(textBefore: string): { length: number; query: string } | null {
  const m = TRIGGER.exec(textBefore);
  if (!m) return null;
  const query = m[2] ?? '';
  return { length: m[1]!.length + query.length, query: query.trim() };
}
