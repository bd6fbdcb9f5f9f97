/** The `@` / `/cite` trigger of the brief editor's citation popup. */
import { describe, expect, it } from 'vitest';
import { findTrigger } from '../../../renderer/src/briefs/trigger';

describe('findTrigger', () => {
  it('opens on @ at the start of a paragraph or after a space, with the words typed after it', () => {
    expect(findTrigger('@')).toEqual({ length: 1, query: '' });
    expect(findTrigger('The minister said @ekw')).toEqual({ length: 4, query: 'ekw' });
    expect(findTrigger('Elpriset (@hushållen i')).toEqual({ length: 12, query: 'hushållen i' });
    expect(findTrigger('text \u201c@grid oper')).toEqual({ length: 10, query: 'grid oper' });
  });

  it('opens on /cite with an optional query', () => {
    expect(findTrigger('/cite')).toEqual({ length: 5, query: '' });
    expect(findTrigger('As reported /cite Genehmigung')).toEqual({ length: 17, query: 'Genehmigung' });
  });

  it('stays closed for e-mail addresses, a lone @ followed by a space, /citation, and text after a citation node', () => {
    expect(findTrigger('write to press@ministry.example')).toBeNull();
    expect(findTrigger('meet @ noon')).toBeNull();
    expect(findTrigger('see /citation')).toBeNull();
    expect(findTrigger('@grid\ufffc more')).toBeNull();
    expect(findTrigger('no trigger here')).toBeNull();
  });

  it('gives up after 40 characters of query', () => {
    expect(findTrigger(`@${'a'.repeat(40)}`)?.query).toHaveLength(40);
    expect(findTrigger(`@${'a'.repeat(41)}`)).toBeNull();
  });
});
