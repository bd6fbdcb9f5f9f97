/**
 * Child process for the crash test: writes to a notebook in a loop and prints
 * `ok <n>` after each write has been confirmed durable. The test kills it with
 * SIGKILL at a random moment and checks what survived.
 */
import { NotebookStore } from '../../../main/services/store/notebook-store';
import { sampleSourceFile } from '../../helpers/temp-dir';

const dir = process.argv[2]!;
const store = await NotebookStore.open(dir);
const ids = ['src_a', 'src_b', 'src_c'];
for (const id of ids) {
  if (!store.hasSource(id)) await (await store.addSource(sampleSourceFile(id))).manifestSaved;
}
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  const id = ids[n % ids.length]!;
  const now = new Date().toISOString();
  const annotation = {
    id: `ann_${n}`,
    sourceId: id,
    kind: 'claim' as const,
    target: { start: 0, end: 10, exact: 'A fictiona', prefix: '', suffix: 'l paragraph' },
    tagIds: [],
    status: 'unverified',
    actors: [],
    createdAt: now,
    updatedAt: now,
  };
  // Two files per round, both awaited: a source file and the manifest.
  await Promise.all([
    store.updateSource(id, (f) => void f.annotations.push(annotation)),
    store.updateManifest((m) => void m.tags.push({ id: `tag_${n}`, name: `tag ${n}`, color: '#888888' })),
  ]);
  process.stdout.write(`ok ${n}\n`);
}
