/**
 * Tables for the brief editor: table, tableRow, tableHeader, tableCell nodes
 * (the names the exporters understand, shared/brief-doc SUPPORTED_NODES) with
 * prosemirror-tables' editing plugin (cell selection, Tab between cells) from
 * @tiptap/pm. (@tiptap/extension-table's current release pins an older
 * @tiptap/core than the one installed, so it is not used.)
 */
import { Extension, mergeAttributes, Node, type Editor } from '@tiptap/react';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  isInTable,
  tableEditing,
} from '@tiptap/pm/tables';
import type { Command } from '@tiptap/pm/state';
import type { JsonNode } from '../../../shared/brief-doc';

const cellAttributes = {
  colspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('colspan') ?? 1) || 1 },
  rowspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('rowspan') ?? 1) || 1 },
  colwidth: { default: null, rendered: false },
};

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => [
    'table',
    mergeAttributes({ class: 'brief-table' }, HTMLAttributes),
    ['tbody', 0],
  ],
  addProseMirrorPlugins: () => [tableEditing()],
  addKeyboardShortcuts() {
    const run = (cmd: Command) => () => cmd(this.editor.state, this.editor.view.dispatch);
    return {
      Tab: () =>
        isInTable(this.editor.state) ? run(goToNextCell(1))() || (run(addRowAfter)() && run(goToNextCell(1))()) : false,
      'Shift-Tab': () => (isInTable(this.editor.state) ? run(goToNextCell(-1))() : false),
    };
  },
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)*',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: () => cellAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

export const TableCell = Node.create({
  name: 'tableCell',
  content: 'block+',
  isolating: true,
  addAttributes: () => cellAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

const ROLES: Record<string, string> = {
  table: 'table',
  tableRow: 'row',
  tableHeader: 'header_cell',
  tableCell: 'cell',
};

/** Gives the four nodes the `tableRole` spec field prosemirror-tables reads from the schema. */
const TableRoles = Extension.create({
  name: 'tableRoles',
  extendNodeSchema(extension) {
    const role = ROLES[extension.name];
    return role ? { tableRole: role } : {};
  },
});

export const TABLE_EXTENSIONS = [Table, TableRow, TableHeader, TableCell, TableRoles];

/** A rows × cols table with a header row, as JSON. */
export function tableJson(rows: number, cols: number): JsonNode {
  const cell = (type: string): JsonNode => ({ type, content: [{ type: 'paragraph' }] });
  return {
    type: 'table',
    content: Array.from({ length: rows }, (_, r) => ({
      type: 'tableRow',
      content: Array.from({ length: cols }, () => cell(r === 0 ? 'tableHeader' : 'tableCell')),
    })),
  };
}

export const TABLE_COMMANDS = {
  addRow: addRowAfter,
  addColumn: addColumnAfter,
  deleteRow,
  deleteColumn,
  deleteTable,
} satisfies Record<string, Command>;

export function runTableCommand(editor: Editor, name: keyof typeof TABLE_COMMANDS): boolean {
  const ok = TABLE_COMMANDS[name](editor.state, editor.view.dispatch);
  editor.view.focus();
  return ok;
}

/** Inserts a rows × cols table at the cursor and puts the cursor in its first cell. */
export function insertTable(editor: Editor, rows = 3, cols = 3): void {
  const before = editor.state.selection.from;
  editor.chain().focus().insertContent(tableJson(rows, cols)).run();
  let first: number | null = null;
  editor.state.doc.nodesBetween(Math.max(0, before - 2), editor.state.doc.content.size, (node, pos) => {
    if (first !== null) return false;
    if (node.type.name === 'tableHeader' || node.type.name === 'tableCell') {
      first = pos + 2; // inside the cell's first paragraph
      return false;
    }
    return true;
  });
  if (first !== null) editor.commands.setTextSelection(first);
}

export function inTable(editor: Editor): boolean {
  return isInTable(editor.state);
}
