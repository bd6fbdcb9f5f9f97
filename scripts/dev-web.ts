/**
 * The Dossier UI in a plain browser, bound to the real services through the
 * loopback bridge (main/services/bridge). For development without a display
 * or Electron binary, and for the Playwright end-to-end tests.
 *
 *   npm run dev:web [-- --notebook <dir>] [--port N] [--built]
 *
 *   --notebook <dir>  notebook folder (created if missing); default .cache/dev-notebook.dossier
 *   --port N          port on 127.0.0.1 (0 picks a free one); default 5180
 *   --built           serve the built renderer (out/renderer, from `npm run build`)
 *                     instead of the Vite dev server with hot reload
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ViteDevServer } from 'vite';
import { DossierError } from '../shared/errors';
import { startBridge, type BridgeHandle } from '../main/services/bridge/http-bridge';
import { useSourceWorkers } from '../main/services/workers/source';
import { openNotebookSession, type NotebookSession } from '../main/services/session';
import { snapshotRoot } from '../main/services/snapshots';
import { userConfigDir } from '../main/services/settings/user-settings';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 5180;

function fail(message: string): never {
  console.error(`dev:web: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  // dev:web runs from source: the worker threads run their TypeScript entries through tsx.
  useSourceWorkers();
  let args;
  try {
    args = parseArgs({
      options: {
        notebook: { type: 'string' },
        port: { type: 'string' },
        built: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\nUsage: npm run dev:web -- [--notebook <dir>] [--port N] [--built]`);
  }
  if (args.help) {
    console.log('Usage: npm run dev:web -- [--notebook <dir>] [--port N] [--built]');
    return;
  }
  const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a number from 0 to 65535, not "${args.port}".`);
  const notebookDir = path.resolve(args.notebook ?? path.join(repoRoot, '.cache', 'dev-notebook.dossier'));
  const staticDir = path.join(repoRoot, 'out', 'renderer');
  if (args.built && !existsSync(path.join(staticDir, 'index.html'))) {
    fail(`no built renderer in ${staticDir}. Build it first: npm run build`);
  }

  let session: NotebookSession;
  try {
    session = await openNotebookSession(notebookDir, { snapshotRoot: snapshotRoot(), settingsDir: userConfigDir() });
  } catch (err) {
    fail(
      err instanceof DossierError
        ? `${err.message}`
        : `could not open the notebook ${notebookDir}: ${(err as Error).message}`,
    );
  }

  let vite: ViteDevServer | undefined;
  let bridge: BridgeHandle;
  try {
    bridge = await startBridge({
      session,
      port,
      ...(args.built
        ? { staticDir }
        : { viteMiddleware: (req, res, next) => (vite ? vite.middlewares(req, res, next) : next()) }),
    });
  } catch (err) {
    await session.close();
    const code = (err as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${port} is in use; pick another with --port N (0 for any free port).`
        : (err as Error).message,
    );
  }
  if (!args.built) {
    const { createServer } = await import('vite');
    vite = await createServer({
      configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'),
      appType: 'spa',
      server: { middlewareMode: true, ws: { server: bridge.server } },
    });
  }

  const info = await session.service.getNotebook({});
  console.log(`Notebook: ${notebookDir}${info.readOnly ? ` (read-only: ${info.problem ?? 'unknown reason'})` : ''}`);
  console.log(`Renderer: ${args.built ? `built files in ${staticDir}` : 'Vite dev server (hot reload)'}`);
  console.log(`Dossier is running at ${bridge.url}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await vite?.close();
    await bridge.close();
    await session.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The parent (e.g. the end-to-end runner) closing our stdin also means stop.
  if (process.env.DOSSIER_STOP_ON_STDIN_END === '1') {
    process.stdin.resume();
    process.stdin.on('end', () => void stop());
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
