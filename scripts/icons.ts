/**
 * Renders Dossier's icons from the one drawing, build/icon.svg:
 *
 *   npm run icons        (part of `npm run dist`; the outputs are not committed)
 *
 *   build/icons/<N>x<N>.png   N = 16 … 1024, the Linux icon set (hicolor sizes)
 *   build/icon.png            1024 px, the fallback electron-builder looks for
 *   build/icon.icns           macOS (dmg, app bundle)
 *   build/icon.ico            Windows (exe, NSIS installer), PNG-compressed entries
 *
 * Every PNG is rendered from the vector at its own size (@resvg/resvg-js), so
 * small sizes stay sharp; png2icons packs the .icns and .ico from the 1024 px
 * rendering. Prints what it wrote; `--out <dir>` writes elsewhere (the tests).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(import.meta.dirname, '..');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export function renderPng(svg: Buffer, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = path.resolve(values.out ?? path.join(root, 'build'));
  const svg = await readFile(path.join(root, 'build/icon.svg'));
  await mkdir(path.join(out, 'icons'), { recursive: true });

  const written: string[] = [];
  const write = async (file: string, bytes: Buffer) => {
    await writeFile(path.join(out, file), bytes);
    written.push(`${file} (${bytes.length} bytes)`);
  };
  for (const size of ICON_SIZES) await write(`icons/${size}x${size}.png`, renderPng(svg, size));
  const large = renderPng(svg, 1024);
  await write('icon.png', large);

  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, true, true);
  if (!icns || !ico) throw new Error('png2icons could not convert build/icon.svg’s rendering');
  await write('icon.icns', icns);
  await write('icon.ico', ico);
  console.log(`Icons from build/icon.svg → ${path.relative(root, out) || '.'}:\n  ${written.join('\n  ')}`);
}

await main();
