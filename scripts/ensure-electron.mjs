// Runs before `npm start` and `npm run dev`: makes sure the Electron binary
// is present. Electron's npm package no longer downloads it at install time;
// its own installer (node_modules/electron/install.js, the `install-electron`
// bin) does, and returns at once when the binary is already there. Where the
// download fails (offline, a proxy, a blocked host) this prints one readable
// line saying what failed and what to run, instead of a stack trace from
// electron-vite ("Electron uninstall") or from the downloader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNodeVersion } from './check-node.mjs';

/** The installed electron package: its folder, version and binary (null when absent). */
export function electronInstallation(require = createRequire(import.meta.url)) {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const pathFile = path.join(dir, 'path.txt');
  let binary = null;
  if (process.env.ELECTRON_EXEC_PATH) binary = process.env.ELECTRON_EXEC_PATH;
  else if (existsSync(pathFile)) binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { dir, version, binary: binary && existsSync(binary) ? binary : null };
}

/** The most telling line of the installer's error output ("getaddrinfo ENOTFOUND …", "fetch failed", …). */
export function downloadFailureReason(output) {
  const lines = String(output)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const cause = lines.find((l) =>
    /\b(E[A-Z]{3,}|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|certificate|proxy|HTTPError|status code)\b/.test(l),
  );
  const first = lines.find((l) => !l.startsWith('at ') && !/^Downloading/i.test(l));
  let reason = (cause || first || 'no output').replace(/^(?:Type|Request|HTTP)?Error:\s*/, '');
  // Node's fetch hides the network error behind this phrase.
  if (reason === 'fetch failed') reason = 'fetch failed: the download host could not be reached';
  return reason.length > 160 ? `${reason.slice(0, 157)}…` : reason;
}

export function ensureElectron({ log = console.log, error = console.error } = {}) {
  const electron = electronInstallation();
  if (electron.binary) return 0;
  log(`Downloading the Electron ${electron.version} binary (first start only)…`);
  const run = spawnSync(process.execPath, [path.join(electron.dir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    env: process.env,
  });
  if (run.status === 0 && electronInstallation().binary) return 0;
  const logDir = path.join(electron.dir, '..', '.cache', 'dossier');
  let logNote = '';
  try {
    mkdirSync(logDir, { recursive: true });
    const logFile = path.join(logDir, 'electron-install.log');
    writeFileSync(logFile, `${run.stderr || ''}${run.error ? String(run.error.stack || run.error) : ''}`);
    logNote = ` Details: ${logFile}.`;
  } catch {
    // The log is a convenience; the message below says what matters.
  }
  error(
    `Dossier: the Electron ${electron.version} binary is not installed and could not be downloaded (${downloadFailureReason(run.stderr || run.error)}). ` +
      `Connect to the network (behind a proxy: ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY; a mirror: ELECTRON_MIRROR), run \`npx install-electron\`, then \`npm start\` again.${logNote}`,
  );
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  assertNodeVersion();
  process.exitCode = ensureElectron();
}
