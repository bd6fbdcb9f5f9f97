import { describe, expect, it } from 'vitest';
import { LazyMap } from '../../../main/services/search/lazy-map';

/** A LazyMap over keys a…e and a Map holding the same from the start; `made` lists the rows made. */
function pair() {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const made: number[] = [];
  const lazy = new LazyMap(keys, (row) => {
    made.push(row);
    return `value ${keys[row]}`;
  });
  const plain = new Map(keys.map((k) => [k, `value ${k}`]));
  return { lazy, plain, made };
}

describe('LazyMap', () => {
  it('makes an entry when its key is looked up, once', () => {
    const { lazy, made } = pair();
    expect(lazy.size).toBe(5);
    expect(made).toEqual([]);
    expect(lazy.get('c')).toBe('value c');
    expect(lazy.get('c')).toBe('value c');
    expect(lazy.has('e')).toBe(true);
    expect(lazy.get('zz')).toBeUndefined();
    expect(made).toEqual([2]);
  });

  it('answers as a Map holding every entry through sets, deletes and walks (in the order loaded)', () => {
    const { lazy, plain, made } = pair();
    for (const m of [lazy, plain]) {
      m.get('d');
      m.set('b', 'changed b');
      m.set('f', 'value f');
      expect(m.delete('a')).toBe(true);
      expect(m.delete('a')).toBe(false);
      expect(m.delete('nothing')).toBe(false);
    }
    expect(lazy.has('a')).toBe(false);
    expect(lazy.get('a')).toBeUndefined();
    expect(lazy.size).toBe(plain.size);
    expect(made).toEqual([3]); // b was replaced, a deleted: never made
    expect(new Set(lazy.keys())).toEqual(new Set(plain.keys()));
    expect(Object.fromEntries(lazy)).toEqual(Object.fromEntries(plain));
    expect(made.sort()).toEqual([2, 3, 4]);
  });

  it('walks in the loaded order when nothing was looked up, and is empty after clear', () => {
    const { lazy, plain } = pair();
    expect([...lazy.values()]).toEqual([...plain.values()]);
    lazy.clear();
    expect(lazy.size).toBe(0);
    expect(lazy.has('a')).toBe(false);
  });
});
