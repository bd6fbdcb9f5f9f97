/**
 * Main's messages come from the catalogues: an error made with a sentence
 * written into the code (`new DossierError(code, 'Some text')`, an import
 * rejection with its reason in the code) would reach a Swedish reader in
 * English; so would a usage error of the CLI (`new UsageError('…')`, its words come from `say('cli:…')`).
 * Such errors are made with `DossierError.of(code, key, params)` /
 * `ImportRejection.of(key, params)`, whose keys the type checker holds to the
 * `errors` catalogue; `new DossierError(code, message)` stays for a message
 * already in words (from a worker, a parser, another process).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Where a message argument is text written into the code. */
function isWrittenText(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
    return true;
  if (ts.isBinaryExpression(node)) return isWrittenText(node.left) || isWrittenText(node.right);
  if (ts.isConditionalExpression(node)) return isWrittenText(node.whenTrue) || isWrittenText(node.whenFalse);
  if (ts.isParenthesizedExpression(node)) return isWrittenText(node.expression);
  return false;
}

/** `new DossierError(code, <text>)`, `new ImportRejection(<text>)` and the CLI's `new UsageError(<text>)` in main/ and shared/, as file:line. */
function writtenMessages(): string[] {
  const files = execFileSync('git', ['ls-files', 'main', 'shared'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f));
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (!/new (DossierError|ImportRejection|UsageError)\(/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const message =
          node.expression.text === 'DossierError'
            ? node.arguments?.[1]
            : node.expression.text === 'ImportRejection' || node.expression.text === 'UsageError'
              ? node.arguments?.[0]
              : undefined;
        if (message && isWrittenText(message))
          found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
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
});
