import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder; call the returned cleanup when done. */
export async function tempDir(prefix = 'dossier-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A SourceFile record for tests. */
export function sampleSourceFile(
  id: string,
  text = 'A fictional paragraph about the harbour accord.\n\nA second paragraph.',
) {
  return {
    schemaVersion: 1,
    source: {
      id,
      title: `Fictional article ${id}`,
      language: 'en',
      importedAt: new Date().toISOString(),
      origin: {
        kind: 'file' as const,
        name: `${id}.txt`,
        sha256: id
          .padEnd(64, '0')
          .replace(/[^0-9a-f]/g, 'a')
          .slice(0, 64),
      },
      text,
      removed: [],
    },
    annotations: [],
  };
}
