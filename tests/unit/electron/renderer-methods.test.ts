/**
 * The one list of which methods a page may call (RENDERER_METHODS) against
 * the schemas themselves: a method whose input names a file-system path must
 * be in TRUSTED_METHODS, and every trusted method takes one. A new method
 * with a `path` field fails here until someone decides who may call it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiSchemas, API_METHODS, RENDERER_METHODS, TRUSTED_METHODS, type MethodName } from '../../../shared/api';

/** A git `remote` (shareNotebook) is a folder or an address: a path too. */
const PATH_FIELD = /^(path|paths|dir|dirs|folder|folders|file ?path|file ?paths|remote)$/i;

/** Every property name anywhere in the method's input schema. */
function inputFields(method: MethodName): string[] {
  const schema = z.toJSONSchema(apiSchemas[method].input, { unrepresentable: 'any', io: 'input' });
  const names: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') names.push(...Object.keys(o.properties));
      Object.values(o).forEach(walk);
    }
  };
  walk(schema);
  return names;
}

describe('renderer-facing and trusted methods', () => {
  it('split every method in two: RENDERER_METHODS and TRUSTED_METHODS', () => {
    expect([...RENDERER_METHODS, ...TRUSTED_METHODS].sort()).toEqual([...API_METHODS].sort());
    expect(RENDERER_METHODS.filter((m) => (TRUSTED_METHODS as readonly string[]).includes(m))).toEqual([]);
  });

  it('no renderer-facing method takes a path; every trusted one does', () => {
    const takesPath = (m: MethodName) => inputFields(m).some((f) => PATH_FIELD.test(f));
    expect(RENDERER_METHODS.filter(takesPath)).toEqual([]);
    expect(TRUSTED_METHODS.filter((m) => !takesPath(m))).toEqual([]);
    expect(inputFields('importPaths')).toContain('paths');
    expect(inputFields('exportBriefToFile')).toContain('path');
  });
});
