/** Plain text of rich-text documents (notes written in the editor). Pure. */

const BLOCK_NODES = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'listItem',
  'taskItem',
  'tableCell',
  'tableHeader',
]);

/** Plain text of a tiptap / ProseMirror JSON document (notes), blocks separated by blank lines. */
export function richDocToText(doc: unknown): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.trim();
    if (t) blocks.push(t);
    current = '';
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: unknown; content?: unknown; attrs?: Record<string, unknown> };
    if (typeof n.text === 'string') current += n.text;
    else if (n.type === 'hardBreak') current += '\n';
    else if (n.attrs && typeof n.attrs.label === 'string') current += n.attrs.label;
    if (Array.isArray(n.content)) n.content.forEach(walk);
    if (n.type && BLOCK_NODES.has(n.type)) flush();
  };
  walk(doc);
  flush();
  return blocks.join('\n\n');
}
