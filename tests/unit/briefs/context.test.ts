import { describe, expect, it } from 'vitest';
import { briefContextFromFiles, loadBriefContext } from '../../../main/services/briefs/index';
import { actors, annotations, relations, sources, tags } from './fixtures';

const manifest = {
  actors,
  tags,
  relations,
  sources: sources.map(({ text: _t, ...meta }) => meta),
};
const files = sources.map((s) => ({
  source: { ...s, removed: [] },
  annotations: annotations.filter((a) => a.sourceId === s.id),
}));

describe('brief context from notebook files', () => {
  it('indexes every annotation with its source metadata, without the text', () => {
    const ctx = briefContextFromFiles(manifest, files);
    expect(ctx.annotations).toHaveLength(annotations.length);
    const backa = ctx.annotation('ann_backa')!;
    expect(backa.source.outlet).toBe('Kustbladet');
    expect('text' in backa.source).toBe(false);
    expect(ctx.relations).toEqual(relations);
  });

  it('leaves out a source file that fails to load and reports it', async () => {
    const failed: string[] = [];
    const ctx = await loadBriefContext(
      manifest,
      async (id) => {
        if (id === 'src_kust') throw new Error('corrupt file');
        return files.find((f) => f.source.id === id)!;
      },
      (id) => failed.push(id),
    );
    expect(failed).toEqual(['src_kust']);
    expect(ctx.annotation('ann_backa')).toBeUndefined();
    expect(ctx.annotation('ann_jobs')).toBeDefined();
  });
});
