import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  linux: { target: string[]; executableName: string; category: string; icon: string; maintainer: string };
  deb: { fpm: string[] };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

async function load(): Promise<BuilderConfig> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ appId: 'x', linux: { targat: 'deb' } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration/);
  });

  it('packages the built app and the CLI for Linux, macOS and Windows', async () => {
    const config = await load();
    expect(config.productName).toBe('Dossier');
    expect(config.appId).toBe('org.dossier.desktop');
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'out/cli/**', 'package.json']),
    );
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category.split(';')).toEqual(expect.arrayContaining(['Office', 'Education']));
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('keeps the security fuses, with runAsNode on for the CLI (decision 0010)', async () => {
    const config = await load();
    expect(config.electronFuses).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const decision = await readFile(path.join(root, 'docs/decisions/0010-cli-through-electron-as-node.md'), 'utf8');
    expect(decision).toMatch(/runAsNode/);
  });

  it('the .deb puts the CLI wrapper on the PATH, apart from the GUI binary it runs', async () => {
    const config = await load();
    const [from, to] = config.deb.fpm[0]!.split('=');
    expect(to).toBe('/usr/bin/dossier');
    expect(config.linux.executableName).not.toBe('dossier');
    const wrapper = await readFile(path.join(root, from!), 'utf8');
    expect(wrapper).toContain(`/${config.linux.executableName}"`);
    expect(wrapper).toContain('ELECTRON_RUN_AS_NODE=1');
    expect((await stat(path.join(root, from!))).mode & 0o111).not.toBe(0);
  });

  it('has the metadata a .deb needs: homepage, repository, author with e-mail, maintainer, license', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    const config = await load();
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository.url).toMatch(/^https:\/\/.+\.git$/);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@/) });
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(pkg.license).toBe('MIT');
    expect(await readFile(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('names icons that `npm run icons` renders from build/icon.svg', async () => {
    const config = await load();
    expect(existsSync(path.join(root, 'build/icon.svg'))).toBe(true);
    expect([config.linux.icon, config.mac.icon, config.win.icon]).toEqual([
      'build/icons',
      'build/icon.icns',
      'build/icon.ico',
    ]);
  });
});

describe('.github/workflows/release.yml', () => {
  interface Workflow {
    on: Record<string, unknown>;
    jobs: Record<
      string,
      {
        strategy: { matrix: { include: Array<{ os: string; platform: string }> } };
        steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }>;
      }
    >;
  }

  it('parses, and on a tag or by hand builds, tests and uploads the installers on Linux, Windows and macOS', async () => {
    const yaml = require('js-yaml') as { load(text: string): unknown };
    const workflow = yaml.load(await readFile(path.join(root, '.github/workflows/release.yml'), 'utf8')) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.strategy.matrix.include.map((m) => [m.os.split('-')[0], m.platform])).toEqual([
      ['ubuntu', '--linux'],
      ['windows', '--win'],
      ['macos', '--mac'],
    ]);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
    expect(runs).toMatch(/npx install-electron/);
    expect(runs).toMatch(/npm run dist -- \$\{\{ matrix\.platform \}\}/);
    expect(runs).toMatch(/xvfb-run -a npm run test:electron/);
    expect(job.steps.find((s) => s.env?.DOSSIER_APP_EXECUTABLE)).toBeDefined();
    expect(job.steps.at(-1)?.uses).toMatch(/^actions\/upload-artifact/);
  });
});
