/**
 * The "Open recent" list: a small JSON file in the app's userData folder,
 * most recent first. A missing or damaged file is treated as an empty list
 * (it is a convenience, not data) and is replaced on the next write.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const RECENT_FILE = 'recent-notebooks.json';
export const MAX_RECENT = 10;

const RecentFile = z.object({
  version: z.literal(1),
  notebooks: z.array(z.string().min(1)),
});

export class RecentNotebooks {
  constructor(
    private readonly file: string,
    private readonly max = MAX_RECENT,
  ) {}

  static inFolder(userDataDir: string): RecentNotebooks {
    return new RecentNotebooks(path.join(userDataDir, RECENT_FILE));
  }

  async list(): Promise<string[]> {
    try {
      const parsed = RecentFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.notebooks.slice(0, this.max) : [];
    } catch {
      return [];
    }
  }

  /** Moves `dir` to the top of the list. */
  async add(dir: string): Promise<string[]> {
    const resolved = path.resolve(dir);
    const next = [resolved, ...(await this.list()).filter((d) => d !== resolved)].slice(0, this.max);
    await this.write(next);
    return next;
  }

  async remove(dir: string): Promise<string[]> {
    const resolved = path.resolve(dir);
    const next = (await this.list()).filter((d) => d !== resolved);
    await this.write(next);
    return next;
  }

  async clear(): Promise<void> {
    await this.write([]);
  }

  private async write(notebooks: string[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: 1, notebooks }, null, 2) + '\n', 'utf8');
    await rename(tmp, this.file);
  }
}
