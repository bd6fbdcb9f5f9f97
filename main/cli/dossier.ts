/**
 * The `dossier` command line (DESIGN.md, "Command line"): the same services
 * as the app. Every command takes `--notebook <folder>` (created if missing),
 * prints JSON with `--json`, and exits non-zero with a one-line message on
 * bad input.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportResult } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { SourceMeta } from '../../shared/model';
import { openNotebookSession, type NotebookSession } from '../services/session';

const USAGE = `Usage: dossier <command> [options]

Commands:
  import <files or folders…>   import articles (.txt .md .html .pdf .docx)
  sources                      list the notebook's sources
  show <sourceId>              one source with its text and annotations

Options:
  --notebook <folder>   the notebook folder (default: $DOSSIER_NOTEBOOK or ./notebook.dossier)
  --json                print JSON (the shapes in DESIGN.md)
  -h, --help            this help`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

function sourceLine(s: SourceMeta): string {
  const bits = [s.outlet, s.publishedAt, s.language].filter(Boolean).join(' · ');
  return `${s.id}  ${s.title}${bits ? `  (${bits})` : ''}`;
}

function importSummary(r: ImportResult): string[] {
  const lines = [`${r.added.length} added, ${r.skipped.length} skipped, ${r.rejected.length} rejected`];
  for (const s of r.added) lines.push(`  + ${s.origin.name ?? s.id} → ${sourceLine(s)}`);
  for (const s of r.skipped) lines.push(`  = ${s.name}: ${s.reason}`);
  for (const s of r.rejected) lines.push(`  ! ${s.name}: ${s.reason}`);
  return lines;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let session: NotebookSession | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        notebook: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...args] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    const notebook = path.resolve(values.notebook ?? process.env.DOSSIER_NOTEBOOK ?? 'notebook.dossier');
    const print = (json: unknown, text: () => string[]) => {
      if (values.json) io.out(JSON.stringify(json, null, 2));
      else for (const line of text()) io.out(line);
    };

    switch (command) {
      case 'import': {
        if (args.length === 0) throw new UsageError('import needs at least one file or folder');
        session = await openNotebookSession(notebook);
        if (io.isTTY) {
          session.onEvent((e) => {
            if (e.type === 'import-progress' && !e.finished) io.err(`[${e.done + 1}/${e.total}] ${e.current ?? ''}`);
          });
        }
        const result = await session.service.importPaths({ paths: args });
        print(result, () => importSummary(result));
        return 0;
      }
      case 'sources': {
        session = await openNotebookSession(notebook);
        const sources = await session.service.listSources({});
        print(sources, () => (sources.length ? sources.map(sourceLine) : ['No sources yet. Add some with: dossier import <files or folders…>']));
        return 0;
      }
      case 'show': {
        const [id] = args;
        if (!id) throw new UsageError('show needs a source id (see: dossier sources)');
        session = await openNotebookSession(notebook);
        const { source, annotations } = await session.service.getSource({ id });
        print({ ...source, annotations }, () => [
          sourceLine(source),
          '',
          source.text,
          ...(annotations.length ? ['', `${annotations.length} annotation(s)`] : []),
        ]);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`dossier: ${(err as Error).message}. Try: dossier --help`);
      return 2;
    }
    const message = err instanceof DossierError || err instanceof Error ? err.message : String(err);
    io.err(`dossier: ${message.split('\n')[0]}`);
    return 1;
  } finally {
    await session?.close();
  }
}
