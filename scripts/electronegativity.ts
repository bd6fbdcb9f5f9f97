/**
 * Electronegativity scan that can fail a build (its CLI always exits 0).
 *
 *   npx tsx scripts/electronegativity.ts [--include-out] [--report <dir>]
 *                                        [--input <dir>] [--allowlist <file>]
 *
 * Stages the Electron-relevant code (main/, renderer/index.html,
 * renderer/src, package.json for the Electron version) into a temporary
 * folder, runs Electronegativity over it through its programmatic API,
 * writes the findings as CSV (Electronegativity's own writer) and JSON to
 * the report folder (default reports/electronegativity/), prints them,
 * and exits 1 if any finding is not justified in
 * scripts/electronegativity-allowlist.json (each entry: check id, file, a
 * reason), or if a file could not be parsed (it would escape the scan).
 * With --include-out the built bundles in out/ are scanned as well;
 * --input scans another folder as it is (the tests use it on a fixture).
 *
 * Inline `eng-disable` comments are not accepted: they would hide a finding
 * without a written reason, so every one counts as a finding itself.
 *
 * Electronegativity 1.10 loads @typescript-eslint/typescript-estree 4, which
 * needs the TypeScript 4 JS API; the project's TypeScript 7 has none, so
 * that one `require('typescript')` is pointed at the copy Electronegativity
 * ships in its own node_modules.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import nodeModule, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const engDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const engRequire = createRequire(path.join(engDir, 'package.json'));
const legacyTypeScript = engRequire.resolve('typescript');

function useLegacyTypeScriptForEstree(): void {
  const registerHooks = (nodeModule as Partial<typeof nodeModule>).registerHooks;
  if (typeof registerHooks !== 'function') {
    // Node < 22.15 has no module.registerHooks; typescript-estree is CommonJS, so patching require's resolver suffices.
    const Module = require('node:module') as {
      _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
    };
    const original = Module._resolveFilename;
    Module._resolveFilename = (request, parent, ...rest) =>
      request === 'typescript' && parent?.filename?.includes(`${path.sep}@typescript-eslint${path.sep}`)
        ? legacyTypeScript
        : original(request, parent, ...rest);
    return;
  }
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'typescript' && context.parentURL?.includes('/@typescript-eslint/')) {
        return { url: pathToFileURL(legacyTypeScript).href, format: 'commonjs', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}

export const AllowlistEntry = z.object({
  /** Check id, e.g. OPEN_EXTERNAL_JS_CHECK. */
  id: z.string().min(1),
  /** Path(s) relative to the project root, e.g. main/electron/window.ts (and its bundle out/main/index.js). */
  file: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Optional: the finding's code sample must contain this text (pins the entry to one construct). */
  contains: z.string().min(1).optional(),
  /** Why this finding is acceptable. Required: an entry without a reason is not a justification. */
  reason: z.string().min(20),
});
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;
const Allowlist = z.object({ entries: z.array(AllowlistEntry) });

export interface Finding {
  id: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  description: string;
  sample: string;
  manualReview: boolean;
}

interface EngIssue {
  id: string;
  file: string;
  location?: { line?: number; column?: number };
  severity?: { name?: string };
  confidence?: { name?: string };
  description?: string;
  sample?: string;
  manualReview?: boolean;
}
interface EngResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: EngIssue[];
}

/** Splits findings into those justified by the allowlist and those that remain; reports unused entries. */
export function applyAllowlist(findings: Finding[], entries: AllowlistEntry[]) {
  const used = new Set<AllowlistEntry>();
  const justified: Array<{ finding: Finding; reason: string }> = [];
  const remaining: Finding[] = [];
  for (const finding of findings) {
    const entry = entries.find(
      (e) =>
        e.id.toUpperCase() === finding.id.toUpperCase() &&
        (Array.isArray(e.file) ? e.file.includes(finding.file) : e.file === finding.file) &&
        (e.contains === undefined || finding.sample.includes(e.contains)),
    );
    if (entry) {
      used.add(entry);
      justified.push({ finding, reason: entry.reason });
    } else {
      remaining.push(finding);
    }
  }
  return { justified, remaining, unused: entries.filter((e) => !used.has(e)) };
}

/** For a CSP finding, what the CSP evaluator objects to (Electronegativity only says "vulnerable"). */
function cspDetails(finding: Finding): string[] {
  if (finding.id !== 'CSP_GLOBAL_CHECK' || !finding.sample || finding.sample === 'N/A') return [];
  try {
    const csp = engRequire('@doyensec/csp-evaluator') as {
      CspParser: new (s: string) => { csp: unknown };
      CspEvaluator: new (
        c: unknown,
        v: unknown,
      ) => { evaluate(): Array<{ severity: number; directive: string; description: string }> };
      Version: { CSP3: unknown };
    };
    const parsed = new csp.CspParser(finding.sample);
    return new csp.CspEvaluator(parsed.csp, csp.Version.CSP3)
      .evaluate()
      .filter((f) => f.severity <= 50)
      .map((f) => `${f.directive}: ${f.description}`);
  } catch {
    return [];
  }
}

async function stage(includeOut: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-eng-'));
  const skip = (src: string) => !/[\\/](node_modules|\.git)([\\/]|$)/.test(src);
  await cp(path.join(root, 'main'), path.join(dir, 'main'), { recursive: true, filter: skip });
  await mkdir(path.join(dir, 'renderer'), { recursive: true });
  await cp(path.join(root, 'renderer/index.html'), path.join(dir, 'renderer/index.html')).catch(() => undefined);
  await cp(path.join(root, 'renderer/src'), path.join(dir, 'renderer/src'), { recursive: true, filter: skip }).catch(
    () => undefined,
  );
  await cp(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  if (includeOut) {
    for (const part of ['main', 'preload', 'renderer']) {
      await cp(path.join(root, 'out', part), path.join(dir, 'out', part), {
        recursive: true,
        filter: (src) => !src.endsWith('.map'),
      }).catch(() => undefined);
    }
  }
  return dir;
}

/** Every `eng-disable` comment in the scanned files, as a finding. */
async function inlineDisables(dir: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(m?[jt]sx?|cjs|html?)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const lines = (await readFile(full, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (/eng-disable/.test(line)) {
        found.push({
          id: 'INLINE_ENG_DISABLE',
          file: path.relative(dir, full).replace(/\\/g, '/'),
          line: i + 1,
          column: line.indexOf('eng-disable') + 1,
          severity: 'MEDIUM',
          confidence: 'CERTAIN',
          description:
            'An inline eng-disable comment hides a finding without a reason; justify it in scripts/electronegativity-allowlist.json instead.',
          sample: line.trim(),
          manualReview: false,
        });
      }
    });
  }
  return found;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const includeOut = args.includes('--include-out');
  const reportDir = path.resolve(root, option(args, '--report') ?? 'reports/electronegativity');
  const allowlistFile = path.resolve(root, option(args, '--allowlist') ?? 'scripts/electronegativity-allowlist.json');
  const allowlist = Allowlist.parse(JSON.parse(await readFile(allowlistFile, 'utf8')));
  const input = option(args, '--input');

  const staged = input ? path.resolve(input) : await stage(includeOut);
  await mkdir(reportDir, { recursive: true });
  const csvFile = path.join(reportDir, 'report.csv');
  let result: EngResult;
  let disabled: Finding[];
  try {
    useLegacyTypeScriptForEstree();
    const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<EngResult>;
    // Electronegativity fetches translations (1 s timeout); offline it says so and uses its bundled English.
    result = await run({ input: staged, output: csvFile, isSarif: false, isRelative: true, parserPlugins: [] });
    disabled = await inlineDisables(staged);
  } finally {
    if (!input) await rm(staged, { recursive: true, force: true });
  }

  const findings: Finding[] = [
    ...disabled,
    ...result.issues.map((i) => ({
      id: i.id,
      file: i.file.replace(/\\/g, '/').replace(/^\/+/, ''),
      line: i.location?.line ?? 0,
      column: i.location?.column ?? 0,
      severity: i.severity?.name ?? '?',
      confidence: i.confidence?.name ?? '?',
      description: i.description ?? '',
      sample: (i.sample ?? '').trim(),
      manualReview: Boolean(i.manualReview),
    })),
  ];
  const { justified, remaining, unused } = applyAllowlist(findings, allowlist.entries);
  const parseErrors = result.errors
    .filter((e) => !e.tolerable)
    .map((e) => ({ ...e, file: path.relative(staged, e.file) || e.file }));
  await writeFile(
    path.join(reportDir, 'report.json'),
    JSON.stringify(
      {
        checks: { global: result.globalChecks, atomic: result.atomicChecks },
        findings,
        remaining,
        justified,
        parseErrors,
      },
      null,
      2,
    ) + '\n',
  );

  const scanned = input ? path.relative(root, staged) || staged : `main/, renderer/${includeOut ? ', out/' : ''}`;
  console.log(
    `Electronegativity: ${result.globalChecks} global + ${result.atomicChecks} atomic checks over ${scanned}`,
  );
  for (const { finding, reason } of justified) {
    console.log(`  justified  ${finding.id}  ${finding.file}:${finding.line}  — ${reason}`);
  }
  for (const f of remaining) {
    console.log(
      `  FINDING    ${f.id} [${f.severity}/${f.confidence}] ${f.file}:${f.line}:${f.column}\n             ${f.description}\n             ${f.sample.slice(0, 160)}`,
    );
    for (const detail of cspDetails(f)) console.log(`             csp-evaluator: ${detail}`);
  }
  for (const e of parseErrors) console.log(`  PARSE ERROR ${e.file}: ${e.message}`);
  for (const e of unused)
    console.log(`  note: allowlist entry ${e.id} for ${e.file} matched nothing; remove it if the code changed.`);
  console.log(`Report: ${path.relative(root, reportDir)}/report.json and report.csv`);

  if (remaining.length || parseErrors.length) {
    console.error(
      `Electronegativity: ${remaining.length} unjustified finding(s), ${parseErrors.length} unparsable file(s). Fix the code, or justify the finding in scripts/electronegativity-allowlist.json.`,
    );
    return 1;
  }
  console.log(`Electronegativity: no unjustified findings (${justified.length} justified).`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error('Electronegativity scan failed to run:', err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
