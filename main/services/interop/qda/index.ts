/**
 * REFI-QDA (QualCoder, NVivo, ATLAS.ti, MAXQDA): the .qdpx project and the
 * .qdc codebook, each an exporter and an importer for the interop registry.
 * The XML reader and writer (saxes) load when a file is read or written, not
 * with every session: recognising a file needs only its first and last bytes.
 */
import type { InteropImportSummary } from '../../../../shared/api';
import { DossierError } from '../../../../shared/errors';
import type { ServiceContext } from '../../service-context';
import type { InteropExporter, InteropImporter } from '../registry';
import { isZip } from './zip';

/** The project: items are its selections (annotations). */
export const exportQdpx: InteropExporter = async (ctx, input) => {
  const { buildProject } = await import('./export');
  const { bytes, selections } = await buildProject(ctx.store, input.sourceIds);
  return { bytes: new Uint8Array(bytes), items: selections };
};

/** The codebook (the whole notebook's tags; there are no sources to choose): items are its tags. */
export const exportQdc: InteropExporter = async (ctx) => {
  const { buildCodebook } = await import('./export');
  const { xml, codes } = buildCodebook(ctx.store.manifest);
  return { bytes: new TextEncoder().encode(xml), items: codes };
};

const latin1 = new TextDecoder('latin1');

/** A zip whose directory (at its end) names a `.qde` entry. */
function looksLikeQdpx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 256 * 1024)));
  return /\.qde/i.test(tail);
}

/** XML whose root element is CodeBook (in any namespace: a wrong one is then refused with a clear message). */
function looksLikeQdc(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
  const withoutProlog = head.replace(/^\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(?:[\w.-]+:)?CodeBook[\s>/]/.test(withoutProlog);
}

function ensureWritable(ctx: ServiceContext): void {
  if (ctx.store.readOnly)
    throw DossierError.of('read-only', 'interop.readOnly', { problem: ctx.store.problemWords ?? '' });
}

export const qdpxImporter: InteropImporter = {
  detect(bytes: Uint8Array, fileName: string): boolean {
    try {
      return looksLikeQdpx(bytes) || (isZip(bytes) && /\.qdpx$/i.test(fileName));
    } catch {
      return false;
    }
  },
  async run(ctx, tx, bytes, fileName): Promise<InteropImportSummary> {
    ensureWritable(ctx);
    const [{ readProject }, { applyPlan }] = await Promise.all([import('./read'), import('./apply')]);
    const plan = readProject(bytes, fileName, ctx.translator());
    return { file: fileName, format: 'qdpx', ...(await applyPlan(ctx, tx, plan, fileName)) };
  },
};

export const qdcImporter: InteropImporter = {
  detect(bytes: Uint8Array, fileName: string): boolean {
    try {
      return (
        looksLikeQdc(bytes) ||
        (/\.qdc$/i.test(fileName) &&
          /<(?:[\w.-]+:)?CodeBook[\s>/]/.test(new TextDecoder().decode(bytes.subarray(0, 4096))))
      );
    } catch {
      return false;
    }
  },
  async run(ctx, tx, bytes, fileName): Promise<InteropImportSummary> {
    ensureWritable(ctx);
    const [{ readCodebook }, { applyPlan }] = await Promise.all([import('./read'), import('./apply')]);
    const plan = readCodebook(bytes, fileName);
    return { file: fileName, format: 'qdc', ...(await applyPlan(ctx, tx, plan, fileName)) };
  },
};
