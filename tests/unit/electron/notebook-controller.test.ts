import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NotebookController,
  classifyFolder,
  titleForFolder,
  withNotebookSuffix,
  type ControlledSession,
  type FailureChoice,
  type ShellDialogs,
} from '../../../main/electron/notebook-controller';
import { RecentNotebooks } from '../../../main/electron/recent';
import { openNotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function workspace() {
  const t = await tempDir('dossier-shell-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Scripted dialogs: each picker answers from a queue; every prompt is recorded. */
class ScriptedDialogs implements ShellDialogs {
  folders: Array<string | null> = [];
  newPaths: Array<string | null> = [];
  failureChoices: FailureChoice[] = [];
  confirmAnswers: boolean[] = [];
  readonly failures: string[] = [];
  readonly errors: Array<[string, string]> = [];
  async pickNotebookFolder() {
    return this.folders.shift() ?? null;
  }
  async pickNewNotebookPath(_defaultPath: string) {
    return this.newPaths.shift() ?? null;
  }
  async confirmCreateIn() {
    return this.confirmAnswers.shift() ?? false;
  }
  async askAfterFailure(message: string) {
    this.failures.push(message);
    return this.failureChoices.shift() ?? 'quit';
  }
  async showError(title: string, message: string) {
    this.errors.push([title, message]);
  }
}

async function setup() {
  const root = await workspace();
  const dialogs = new ScriptedDialogs();
  const recent = RecentNotebooks.inFolder(path.join(root, 'userData'));
  const changes: Array<string | null> = [];
  const controller = new NotebookController({
    openSession: (dir, options) => openNotebookSession(dir, options),
    recent,
    dialogs,
    defaultNotebookDir: path.join(root, 'Documents', 'Dossier', 'My Research.dossier'),
    onChanged: (session, title) => changes.push(session ? `${title}@${session.dir}` : null),
  });
  cleanups.push(() => controller.close());
  return { root, dialogs, recent, controller, changes };
}

/** Holds a notebook open the way a CLI in another process would (the lock is per process+folder). */
async function holdOpen(dir: string): Promise<ControlledSession> {
  const s = await openNotebookSession(dir);
  cleanups.push(() => s.close());
  return s;
}

describe('NotebookController start-up', () => {
  it('creates the default notebook on first start and remembers it', async () => {
    const { root, controller, recent, changes } = await setup();
    expect(await controller.start()).toBe(true);
    const dir = path.join(root, 'Documents', 'Dossier', 'My Research.dossier');
    expect(controller.current?.dir).toBe(dir);
    const manifest = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')) as { title: string };
    expect(manifest.title).toBe('My Research');
    expect(await recent.list()).toEqual([dir]);
    expect(changes).toEqual([`My Research@${dir}`]);
    const info = await controller.current!.service.getNotebook({});
    expect(info.readOnly).toBe(false);
  });

  it('reopens the most recent notebook that still exists', async () => {
    const { root, controller, recent } = await setup();
    const kept = path.join(root, 'Kept.dossier');
    await (await openNotebookSession(kept)).close();
    await recent.add(kept);
    await recent.add(path.join(root, 'Deleted.dossier')); // most recent, but gone
    expect(await controller.start()).toBe(true);
    expect(controller.current?.dir).toBe(kept);
  });

  it('opens an explicitly requested notebook (DOSSIER_NOTEBOOK / --notebook)', async () => {
    const { root, controller } = await setup();
    const requested = path.join(root, 'e2e', 'Fixture.dossier');
    expect(await controller.start(requested)).toBe(true);
    expect(controller.current?.dir).toBe(requested);
  });

  it('explains a locked notebook and lets the person quit without crashing', async () => {
    const { root, controller, dialogs } = await setup();
    const busy = path.join(root, 'Busy.dossier');
    await holdOpen(busy);
    dialogs.failureChoices = ['quit'];
    expect(await controller.start(busy)).toBe(false);
    expect(controller.current).toBeNull();
    expect(dialogs.failures).toHaveLength(1);
    expect(dialogs.failures[0]).toMatch(/open in another process/);
  });

  it('after a failure, Open… opens another notebook; a cancelled picker asks again', async () => {
    const { root, controller, dialogs } = await setup();
    const busy = path.join(root, 'Busy.dossier');
    await holdOpen(busy);
    const other = path.join(root, 'Other.dossier');
    dialogs.failureChoices = ['open', 'open'];
    dialogs.folders = [null, other];
    expect(await controller.start(busy)).toBe(true);
    expect(controller.current?.dir).toBe(other);
    expect(dialogs.failures).toHaveLength(2);
  });

  it('after a failure, New… creates a notebook with the .dossier suffix', async () => {
    const { root, controller, dialogs } = await setup();
    const file = path.join(root, 'not-a-folder.txt');
    await writeFile(file, 'Just a text file.');
    dialogs.failureChoices = ['new'];
    dialogs.newPaths = [path.join(root, 'Hamnavtalet')];
    expect(await controller.start(file)).toBe(true);
    expect(dialogs.failures[0]).toMatch(/is a file/);
    expect(controller.current?.dir).toBe(path.join(root, 'Hamnavtalet.dossier'));
    expect((await controller.current!.service.getNotebook({})).title).toBe('Hamnavtalet');
  });
});

describe('NotebookController switching', () => {
  it('opens the new notebook, then closes the old one (its lock is released)', async () => {
    const { root, controller, dialogs, recent } = await setup();
    const first = path.join(root, 'First.dossier');
    const second = path.join(root, 'Second.dossier');
    await controller.start(first);
    dialogs.folders = [second];
    expect(await controller.openWithDialog()).toBe(true);
    expect(controller.current?.dir).toBe(second);
    // The first notebook is free again: another process could open it now.
    const again = await openNotebookSession(first);
    await again.close();
    expect(await recent.list()).toEqual([second, first]);
  });

  it('keeps the current notebook when the new one cannot be opened', async () => {
    const { root, controller, dialogs } = await setup();
    const first = path.join(root, 'First.dossier');
    const busy = path.join(root, 'Busy.dossier');
    await controller.start(first);
    await holdOpen(busy);
    dialogs.folders = [busy];
    expect(await controller.openWithDialog()).toBe(false);
    expect(controller.current?.dir).toBe(first);
    expect(dialogs.errors[0]?.[1]).toMatch(/open in another process/);
    expect((await controller.current!.service.getNotebook({})).readOnly).toBe(false);
  });

  it('asks before creating a notebook inside a folder that holds other files', async () => {
    const { root, controller, dialogs } = await setup();
    await controller.start(path.join(root, 'First.dossier'));
    const papers = path.join(root, 'Papers');
    await mkdir(papers);
    await writeFile(path.join(papers, 'draft.docx'), 'x');
    dialogs.folders = [papers];
    dialogs.confirmAnswers = [false];
    expect(await controller.openWithDialog()).toBe(false);
    expect(await classifyFolder(papers)).toBe('other-folder');
  });

  it('refuses New… onto an existing folder that is not a notebook', async () => {
    const { root, controller, dialogs } = await setup();
    await controller.start(path.join(root, 'First.dossier'));
    const taken = path.join(root, 'Taken.dossier');
    await mkdir(taken);
    await writeFile(path.join(taken, 'notes.txt'), 'x');
    dialogs.newPaths = [taken];
    expect(await controller.newWithDialog()).toBe(false);
    expect(dialogs.errors[0]?.[0]).toBe('Cannot create the notebook');
    expect(controller.current?.dir).toBe(path.join(root, 'First.dossier'));
  });

  it('drops a recent notebook that no longer exists', async () => {
    const { root, controller, recent, dialogs } = await setup();
    await controller.start(path.join(root, 'First.dossier'));
    const gone = path.join(root, 'Gone.dossier');
    await recent.add(gone);
    expect(await controller.openRecent(gone)).toBe(false);
    expect(await recent.list()).not.toContain(gone);
    expect(dialogs.errors).toHaveLength(1);
  });

  it('runs two quick Open clicks one after the other', async () => {
    const { root, controller, dialogs } = await setup();
    await controller.start(path.join(root, 'First.dossier'));
    const a = path.join(root, 'A.dossier');
    const b = path.join(root, 'B.dossier');
    dialogs.folders = [a, b];
    const [ra, rb] = await Promise.all([controller.openWithDialog(), controller.openWithDialog()]);
    expect([ra, rb]).toEqual([true, true]);
    expect(controller.current?.dir).toBe(b);
    // A was closed properly when B replaced it.
    await (await openNotebookSession(a)).close();
  });
});

describe('helpers', () => {
  it('derives titles and suffixes from folder names', () => {
    expect(titleForFolder('/x/Hamnavtalet 2026.dossier')).toBe('Hamnavtalet 2026');
    expect(titleForFolder('/x/Notes')).toBe('Notes');
    expect(withNotebookSuffix('/x/Research')).toBe('/x/Research.dossier');
    expect(withNotebookSuffix('/x/Research.DOSSIER')).toBe('/x/Research.DOSSIER');
  });
});

describe('NotebookController and the sync on close', () => {
  it('runs beforeClose on the notebook that closes, before it closes: opening another, and closing', async () => {
    const root = await workspace();
    const dialogs = new ScriptedDialogs();
    const seen: string[] = [];
    const controller = new NotebookController({
      openSession: async (dir, options) => {
        const s = await openNotebookSession(dir, options);
        const close = s.close.bind(s);
        return Object.assign(s, {
          close: async () => {
            seen.push(`close ${path.basename(dir)}`);
            await close();
          },
        });
      },
      recent: RecentNotebooks.inFolder(path.join(root, 'userData')),
      dialogs,
      defaultNotebookDir: path.join(root, 'First.dossier'),
      onChanged: () => undefined,
      beforeClose: async (session) => {
        seen.push(`sync ${path.basename(session.dir)}`);
        // The session is still open while its sync runs.
        await expect(session.service.getNotebook({})).resolves.toMatchObject({
          title: path.basename(session.dir, '.dossier'),
        });
      },
    });
    cleanups.push(() => controller.close());
    expect(await controller.start()).toBe(true);
    dialogs.newPaths.push(path.join(root, 'Second'));
    expect(await controller.newWithDialog()).toBe(true);
    await controller.close();
    expect(seen).toEqual(['sync First.dossier', 'close First.dossier', 'sync Second.dossier', 'close Second.dossier']);
    expect(dialogs.errors).toEqual([]);
  });
});
