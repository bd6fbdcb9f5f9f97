/** Runs the `dossier` CLI in process on one notebook and collects what it prints. */
import { main } from '../../main/cli/dossier';

export async function runCli(dir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--notebook', dir], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
