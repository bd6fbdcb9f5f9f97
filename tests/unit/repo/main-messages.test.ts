/**
 * Main's messages come from the catalogues: an error made with a sentence
 * written into the code (`new DossierError(code, 'Some text')`, an import
 * rejection with its reason in the code) would reach a Swedish reader in
 * English; so would a usage error of the CLI (`new UsageError('…')`, its words come from `say('cli:…')`).
 * Such errors are made with `DossierError.of(code, key, params)` /
 * `ImportRejection.of(key, params)`, whose keys the type checker holds to the
 * `errors` catalogue; `new DossierError(code, message)` stays for a message
 * already in words (from a worker, a parser, another process).
 *
 * The same holds for the other ways a sentence reaches a person: a plain
 * `new Error('…')` (it ends up in a Result, a toast or a dialog), why a file
 * cannot be read (`new UnreadableFileError(file, '…')`), the bridge's
 * refusals (`new HttpError(status, '…')`), an error Result written out
 * (`{ code, message: '…' }`), and in the desktop app the words of a dialog
 * (`title`, `message`, `detail`, a button's `label` …, also as a variable, and
 * what is passed to `report`, `show`, `showError`, `showErrorBox`). Only errors no person can meet (a
 * programming mistake, an invariant) keep English sentences: FOR_DEVELOPERS.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

const hasLetters = (text: string) => /\p{L}/u.test(text);
/** A catalogue key (`dialog.windowStopped`) or a file name: no sentence. */
const isKey = (text: string) => /^[a-z][\w-]*(\.[\w-]+)+$/i.test(text);

/** Where a message argument is text written into the code (words: punctuation between values is none). */
function isWrittenText(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return hasLetters(node.text) && !isKey(node.text);
  if (ts.isTemplateExpression(node))
    return hasLetters(node.head.text) || node.templateSpans.some((span) => hasLetters(span.literal.text));
  if (ts.isBinaryExpression(node)) return isWrittenText(node.left) || isWrittenText(node.right);
  if (ts.isConditionalExpression(node)) return isWrittenText(node.whenTrue) || isWrittenText(node.whenFalse);
  if (ts.isParenthesizedExpression(node)) return isWrittenText(node.expression);
  return false;
}

/**
 * Errors with English sentences that no person meets: a programming mistake or an invariant of the
 * code's own, never a refusal of what someone did. File and the sentence's start.
 */
const FOR_DEVELOPERS: ReadonlyArray<readonly [file: string, starts: string]> = [
  // Start-up wiring: a bundle or a test that forgot to say where the workers are.
  ['main/services/workers/entry.ts', 'The '],
  // A caller asking the bridge to listen elsewhere than loopback.
  ['main/services/bridge/http-bridge.ts', 'The bridge listens'],
  // The search index's own invariant while it saves.
  ['main/services/search/index-store.ts', 'No base'],
  // Page code calling the preload's onEvent without a function.
  ['main/preload/api.ts', 'onEvent'],
  // A mistake in the shortcut table.
  ['shared/shortcuts.ts', 'Unknown modifier'],
  // The store's JSON writer given a cycle (JSON.stringify's own wording): no notebook value can be one.
  ['main/services/store/json-chunks.ts', 'Converting circular'],
];

/** Error classes whose first argument is the message a person reads. */
const MESSAGE_FIRST = new Set(['ImportRejection', 'UsageError', 'Error', 'TypeError', 'RangeError']);
/** Error classes whose second argument is it. */
const MESSAGE_SECOND = new Set(['DossierError', 'UnreadableFileError', 'HttpError']);
/** Properties of the desktop app's dialog options and menu items that a person reads. */
const DIALOG_WORDS = new Set(['title', 'message', 'detail', 'buttonLabel', 'nameFieldLabel', 'label']);
/** Calls in the desktop app that show their text arguments to the person (or, `report`, take a key for it). */
const DIALOG_CALLS = new Set(['report', 'show', 'showError', 'showErrorBox']);

const textOf = (node: ts.Expression) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : ts.isTemplateExpression(node)
      ? node.head.text
      : '';

/** Sentences written into the code where a person reads them, in one file, as file:line. */
function writtenIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const electron = file.startsWith('main/electron/');
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const message = MESSAGE_FIRST.has(name)
        ? node.arguments?.[0]
        : MESSAGE_SECOND.has(name)
          ? node.arguments?.[1]
          : undefined;
      const excused = FOR_DEVELOPERS.some(([f, starts]) => f === file && message && textOf(message).startsWith(starts));
      if (message && isWrittenText(message) && !excused) found.push(at(node));
    }
    // An error Result written out: { code, message: '…' }.
    if (ts.isObjectLiteralExpression(node)) {
      const props = new Map(
        node.properties.flatMap((p) =>
          ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
            ? [[p.name.text, p.initializer] as const]
            : [],
        ),
      );
      const message = props.get('message');
      if (props.has('code') && message && isWrittenText(message)) found.push(at(node));
      if (electron)
        for (const [name, value] of props) if (DIALOG_WORDS.has(name) && isWrittenText(value)) found.push(at(value));
    }
    // In the desktop app, a dialog's words put in a variable first: const detail = `…`.
    if (
      electron &&
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      DIALOG_WORDS.has(node.name.text) &&
      node.initializer &&
      isWrittenText(node.initializer)
    )
      found.push(at(node));
    if (electron && ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      // `report`'s later arguments name the log's source, for developers.
      const shown = name === 'report' ? node.arguments.slice(0, 1) : node.arguments;
      if (DIALOG_CALLS.has(name) && shown.some(isWrittenText)) found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every such sentence in main/ and shared/. */
function writtenMessages(): string[] {
  const files = execFileSync('git', ['ls-files', 'main', 'shared'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f));
  return files.flatMap((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    // Only files with a place a sentence could be are parsed.
    return /new \w+\(|message:|showError|report\(|show\(|detail|title|label/.test(text) ? writtenIn(file, text) : [];
  });
}

describe('main’s messages', () => {
  it('are made from keys of the errors catalogue, never from text written into the code', () => {
    expect(writtenMessages()).toEqual([]);
  });

  it('would notice one that is', () => {
    const probe = ts.createSourceFile('probe.ts', "new DossierError('x', `No ${id}.`)", ts.ScriptTarget.Latest, true);
    const call = (probe.statements[0] as ts.ExpressionStatement).expression as ts.NewExpression;
    expect(isWrittenText(call.arguments![1]!)).toBe(true);
  });

  it('notices each kind: a plain error, an unreadable file’s reason, a bridge refusal, a Result, a dialog’s words', () => {
    const probes = [
      ['main/services/a.ts', "throw new Error('The search worker stopped.');"],
      ['main/services/a.ts', "throw new UnreadableFileError(file, 'the file is missing');"],
      ['main/services/a.ts', "throw new HttpError(404, 'Not found.');"],
      [
        'main/services/a.ts',
        "const NO = { ok: false, error: { code: 'not-found', message: 'No notebook is open.' } };",
      ],
      ['main/electron/a.ts', "dialog.showMessageBox({ type: 'error', message: 'Import failed', detail });"],
      ['main/electron/a.ts', "dialog.showErrorBox('Dossier could not start', message);"],
      ['main/electron/a.ts', "errors.report('The window stopped unexpectedly', err, 'renderer');"],
      ['main/electron/a.ts', 'const detail = `${first}\\n\\nThe details are in the log file:\\n${log}`;'],
    ] as const;
    expect(probes.map(([file, text]) => writtenIn(file, text).length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // Values put together with punctuation only, words from the catalogue, and excused sentences pass.
    expect(writtenIn('main/electron/a.ts', "showError(t('menu:dialog.x'), `${dir}: ${error}`);")).toEqual([]);
    expect(writtenIn('main/electron/a.ts', "errors.report('dialog.windowStopped', err, 'renderer');")).toEqual([]);
    expect(
      writtenIn('main/services/workers/entry.ts', 'throw new Error(`The ${name} worker was not configured`);'),
    ).toEqual([]);
  });
});
