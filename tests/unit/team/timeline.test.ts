/**
 * The shared timeline over the API, on real repositories in temporary folders: two clones edit and
 * sync; the timeline shows both authors and what each change touched; an earlier source or brief is
 * read from git's objects and restored as a new undoable change, which the next sync shares.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, type NotebookSession } from '../../../main/services/session';
import { docNode, paragraphNode, plainText, textNode } from '../../../shared/brief-doc';
import { call, cloneOf, open, temp } from './sessions';

const TEXT = 'The minister said the bridge would open in May.\n\nCritics doubted the budget of 40 million kronor.';
const doc = (...paragraphs: string[]) => docNode(paragraphs.map((p) => paragraphNode([textNode(p)])));

async function sharedPair() {
  const remote = path.join(await temp(), 'team.git');
  const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
  const [source] = (await call(a, 'importText', { text: TEXT, name: 'bridge.txt' })).added;
  const brief = await call(a, 'createBrief', { title: 'The bridge', doc: doc('First draft.') });
  await call(a, 'shareNotebook', { remote });
  const b = await cloneOf(remote, 'Bob');
  return { a, b, sourceId: source!.id, briefId: brief.id };
}

const briefText = async (s: NotebookSession, id: string) => plainText((await call(s, 'getBrief', { id })).doc).trim();

describe('the shared timeline', () => {
  it('lists both authors with what they did, page by page, and what each commit touched', async () => {
    const { a, b, sourceId, briefId } = await sharedPair();
    await call(b, 'updateBrief', { id: briefId, doc: doc('Bob rewrote it.') });
    await call(a, 'addClaimByQuote', { sourceId, quote: 'the bridge would open in May' });
    await call(a, 'syncNotebook', {});
    await call(b, 'syncNotebook', {});
    await call(a, 'syncNotebook', {});

    const { commits, more } = await call(a, 'listTimeline', {});
    expect(more).toBe(false);
    expect(new Set(commits.map((c) => c.author.name))).toEqual(new Set(['Alice', 'Bob']));
    const bobs = commits.find((c) => c.author.name === 'Bob' && c.parents.length === 1)!;
    expect(bobs.summary).toMatch(/brief/i);
    expect(Date.parse(bobs.at)).toBeGreaterThan(Date.now() - 60_000);
    const alices = commits.find((c) => c.author.name === 'Alice' && /claim|annotation/i.test(c.summary))!;
    expect(alices).toBeDefined();

    expect((await call(a, 'getTimelineCommit', { commit: bobs.id })).touched).toEqual([
      { kind: 'brief', id: briefId, title: 'The bridge', change: 'changed' },
    ]);
    const touched = (await call(a, 'getTimelineCommit', { commit: alices.id.slice(0, 8) })).touched;
    expect(touched).toEqual([{ kind: 'source', id: sourceId, title: expect.any(String), change: 'changed' }]);
    // The first commit added both.
    const first = commits.at(-1)!;
    expect(first.parents).toEqual([]);
    expect((await call(a, 'getTimelineCommit', { commit: first.id })).touched.map((t) => [t.kind, t.change])).toEqual([
      ['source', 'added'],
      ['brief', 'added'],
    ]);

    // Pages: one at a time, the same commits in the same order.
    const paged = [];
    for (let offset = 0; ; offset++) {
      const page = await call(a, 'listTimeline', { offset, limit: 1 });
      paged.push(...page.commits);
      if (!page.more) break;
    }
    expect(paged.map((c) => c.id)).toEqual(commits.map((c) => c.id));
  });

  it('words the commits a copy makes in its person’s language, as its undo labels are', async () => {
    const remote = path.join(await temp(), 'team.git');
    const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
    await call(a, 'updateSettings', { language: 'sv' });
    await call(a, 'importText', { text: TEXT, name: 'bridge.txt' });
    await call(a, 'shareNotebook', { remote });
    const b = await cloneOf(remote, 'Bob');
    await call(b, 'createBrief', { title: 'Bob’s brief', doc: doc('One.') });
    await call(a, 'createBrief', { title: 'Alices PM', doc: doc('Ett.') });
    await call(a, 'createBrief', { title: 'Alices andra PM', doc: doc('Två.') });
    await call(b, 'syncNotebook', {});
    await call(a, 'syncNotebook', {});
    const summaries = (await call(a, 'listTimeline', {})).commits.map((c) => `${c.author.name}: ${c.summary}`);
    expect(summaries).toContain('Alice: Dela anteckningsboken');
    expect(summaries).toContain('Alice: Sammanfoga den delade anteckningsboken');
    expect(summaries.some((x) => /^Alice: .+ och 1 till$/.test(x))).toBe(true);
    // Bob's copy speaks English: his commits say so.
    expect(summaries.some((x) => /^Bob: New brief/.test(x))).toBe(true);
  });

  it('restores an earlier brief and an earlier source as new undoable changes, which sync shares', async () => {
    const { a, b, sourceId, briefId } = await sharedPair();
    await call(b, 'updateBrief', { id: briefId, doc: doc('Bob rewrote it.') });
    await call(b, 'addClaimByQuote', { sourceId, quote: 'the budget of 40 million kronor' });
    await call(b, 'syncNotebook', {});
    await call(a, 'syncNotebook', {});
    expect(await briefText(a, briefId)).toBe('Bob rewrote it.');
    const first = (await call(a, 'listTimeline', {})).commits.at(-1)!;

    const earlier = await call(a, 'getTimelineState', { commit: first.id, kind: 'brief', id: briefId });
    expect(earlier.kind === 'brief' && plainText(earlier.brief.doc).trim()).toBe('First draft.');
    // Reading changes nothing.
    expect(await briefText(a, briefId)).toBe('Bob rewrote it.');

    const { label } = await call(a, 'restoreFromTimeline', { commit: first.id, kind: 'brief', id: briefId });
    expect(label).toMatch(/^Restore brief “The bridge” as Alice had it on /);
    expect(await briefText(a, briefId)).toBe('First draft.');
    expect((await call(a, 'listHistory', {})).entries.at(-1)!.label).toBe(label);
    await call(a, 'undo', {});
    expect(await briefText(a, briefId)).toBe('Bob rewrote it.');
    await call(a, 'redo', {});
    expect(await briefText(a, briefId)).toBe('First draft.');

    // The source as it was before Bob's claim: its text, and no annotations.
    const then = await call(a, 'getTimelineState', { commit: first.id, kind: 'source', id: sourceId });
    expect(then.kind === 'source' && then.file.annotations).toEqual([]);
    expect((await call(a, 'getSource', { id: sourceId })).annotations).toHaveLength(1);
    await call(a, 'restoreFromTimeline', { commit: first.id, kind: 'source', id: sourceId });
    expect((await call(a, 'getSource', { id: sourceId })).annotations).toHaveLength(0);
    await call(a, 'undo', {});
    expect((await call(a, 'getSource', { id: sourceId })).annotations).toHaveLength(1);
    await call(a, 'redo', {});

    // The history is not rewritten: the restore is a new commit on top, and Bob takes it.
    const before = (await call(a, 'listTimeline', {})).commits.length;
    await call(a, 'syncNotebook', {});
    const after = await call(a, 'listTimeline', {});
    expect(after.commits.length).toBe(before + 1);
    expect(after.commits[0]!.changes.concat(after.commits[0]!.summary).join('\n')).toContain(label);
    await call(b, 'syncNotebook', {});
    expect(await briefText(b, briefId)).toBe('First draft.');
    expect((await call(b, 'getSource', { id: sourceId })).annotations).toHaveLength(0);
  });

  it('brings back a deleted brief and a deleted source', async () => {
    const { a, sourceId, briefId } = await sharedPair();
    const first = (await call(a, 'listTimeline', {})).commits.at(-1)!;
    await call(a, 'deleteBrief', { id: briefId });
    await call(a, 'deleteSource', { id: sourceId });
    await call(a, 'syncNotebook', {});
    const removal = (await call(a, 'listTimeline', {})).commits[0]!;
    expect((await call(a, 'getTimelineCommit', { commit: removal.id })).touched.map((t) => [t.kind, t.change])).toEqual(
      [
        ['source', 'removed'],
        ['brief', 'removed'],
      ],
    );
    await call(a, 'restoreFromTimeline', { commit: first.id, kind: 'brief', id: briefId });
    await call(a, 'restoreFromTimeline', { commit: first.id, kind: 'source', id: sourceId });
    expect((await call(a, 'listBriefs', {})).map((x) => x.id)).toEqual([briefId]);
    expect((await call(a, 'listSources', {})).map((x) => x.id)).toEqual([sourceId]);
    expect((await call(a, 'getSource', { id: sourceId })).source.text).toBe(TEXT);
    await call(a, 'undo', {});
    expect(await call(a, 'listSources', {})).toEqual([]);
  });

  it('says what is wrong: no such commit, nothing of that id then, a notebook not shared', async () => {
    const { a, briefId } = await sharedPair();
    const first = (await call(a, 'listTimeline', {})).commits.at(-1)!;
    const none = await callApi(a.service, 'getTimelineCommit', { commit: 'deadbeef' });
    expect(none.ok || none.error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no commit/) });
    const missing = await callApi(a.service, 'restoreFromTimeline', { commit: first.id, kind: 'brief', id: 'brf_x' });
    expect(missing.ok || missing.error.message).toMatch(/no brief with the id brf_x/);
    const notAnId = await callApi(a.service, 'getTimelineState', { commit: first.id, kind: 'source', id: '../x' });
    expect(notAnId.ok || notAnId.error.code).toBe('not-found');
    expect(await briefText(a, briefId)).toBe('First draft.');
    const alone = await open(path.join(await temp(), 'nb.dossier'), 'Cleo');
    const notShared = await callApi(alone.service, 'listTimeline', {});
    expect(notShared.ok || notShared.error.message).toMatch(/not shared/);
  });

  it('reads briefs of commits from before briefs had files, and does not count their move into files as a change', async () => {
    const dir = path.join(await temp(), 'old.dossier');
    // A notebook as an older Dossier wrote and committed it: the brief inside notebook.json.
    const first = await open(dir, 'Alice');
    const made = await call(first, 'createBrief', { title: 'The old brief', doc: doc('Written long ago.') });
    await first.close();
    const manifestFile = path.join(dir, 'notebook.json');
    const briefFile = path.join(dir, 'briefs', `${made.id}.json`);
    const { brief } = JSON.parse(await readFile(briefFile, 'utf8')) as { brief: unknown };
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestFile, `${JSON.stringify({ ...manifest, briefs: [brief] }, null, 1)}\n`);
    execFileSync('rm', ['-r', path.join(dir, 'briefs'), path.join(dir, '.cache')]);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.org', ...args], { cwd: dir });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Older notebook');
    const legacyCommit = git('rev-parse', 'HEAD').toString().trim();

    // Opened by this version: the brief moves into its file; the commit of that move changes no brief.
    const a = await open(dir, 'Alice');
    expect(await briefText(a, made.id)).toBe('Written long ago.');
    await call(a, 'shareNotebook', {});
    const [moved] = (await call(a, 'listTimeline', {})).commits;
    expect(moved!.id).not.toBe(legacyCommit);
    expect((await call(a, 'getTimelineCommit', { commit: moved!.id })).touched).toEqual([]);
    // The older commit lists the brief as added, and holds it as it was.
    expect((await call(a, 'getTimelineCommit', { commit: legacyCommit })).touched).toContainEqual({
      kind: 'brief',
      id: made.id,
      title: 'The old brief',
      change: 'added',
    });
    await call(a, 'updateBrief', { id: made.id, doc: doc('Rewritten now.') });
    const old = await call(a, 'getTimelineState', { commit: legacyCommit, kind: 'brief', id: made.id });
    expect(old.kind === 'brief' && plainText(old.brief.doc).trim()).toBe('Written long ago.');
    await call(a, 'restoreFromTimeline', { commit: legacyCommit, kind: 'brief', id: made.id });
    expect(await briefText(a, made.id)).toBe('Written long ago.');
  });
});
