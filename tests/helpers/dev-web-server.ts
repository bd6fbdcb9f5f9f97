/**
 * Starts `scripts/dev-web.ts` (the loopback bridge and the UI) on a notebook
 * folder on a free port, and resolves with its address once it is ready.
 * Used by the end-to-end fixture (tests/e2e/app-fixture.ts) and the scale
 * benchmark (bench/scale/ui-steps.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface DevWebServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startDevWeb(
  notebookDir: string,
  renderer: 'built' | 'dev-server',
  startTimeoutMs = 30_000,
): Promise<DevWebServer> {
  const args = [
    '--import',
    'tsx',
    'scripts/dev-web.ts',
    ...(renderer === 'built' ? ['--built'] : []),
    '--port',
    '0',
    '--notebook',
    notebookDir,
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    // Snapshots beside the notebook's temporary folder, never in the person's data folder.
    env: {
      ...process.env,
      DOSSIER_STOP_ON_STDIN_END: '1',
      DOSSIER_SNAPSHOTS: path.join(path.dirname(notebookDir), 'snapshots'),
      DOSSIER_CONFIG_DIR: path.join(path.dirname(notebookDir), 'config'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dev-web did not start within ${startTimeoutMs} ms:\n${output}`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = output.match(/Dossier is running at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`dev-web exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
      if (code === 'timeout') child.kill('SIGKILL');
    },
  };
}
