/**
 * Naming a conflict's sides for the person looking: by who made each, the kept one marked, "yours"
 * only for the looker's own value — after Bob merged and shared, Alice sees Bob's value kept, not
 * "mine". Neutral names when the author is unknown or one person made both sides.
 */
import { describe, expect, it } from 'vitest';
import { conflictSides, parseAuthor, possessiveContext, sameAuthor } from '../../../shared/team/conflict-sides';

const bobMerged = { oursBy: 'Bob <bob@example.org>', theirsBy: 'Alice <alice@example.org>' };
const alice = { name: 'Alice', email: 'alice@example.org' };
const bob = { name: 'Bob', email: 'bob@example.org' };

describe('conflictSides', () => {
  it('in the pulling window (Alice), the kept value is Bob’s and the other one is hers', () => {
    expect(conflictSides(bobMerged, alice)).toEqual([
      { side: 'ours', author: bob, shownNow: true, yours: false },
      { side: 'theirs', author: alice, shownNow: false, yours: true },
    ]);
  });

  it('in the merging window (Bob), the kept value is his', () => {
    const [ours, theirs] = conflictSides(bobMerged, bob);
    expect([ours.yours, theirs.yours]).toEqual([true, false]);
    expect(ours.shownNow).toBe(true);
  });

  it('a third person sees two names and neither as theirs', () => {
    const sides = conflictSides(bobMerged, { name: 'Carl', email: 'carl@example.org' });
    expect(sides.map((s) => [s.author?.name, s.yours])).toEqual([
      ['Bob', false],
      ['Alice', false],
    ]);
  });

  it('matches the looker by e-mail (any case) before the name, and by name when they have no e-mail', () => {
    expect(conflictSides(bobMerged, { name: 'Robert', email: 'BOB@example.org' })[0].yours).toBe(true);
    expect(conflictSides(bobMerged, { name: 'Bob', email: 'robert@example.org' })[0].yours).toBe(false);
    expect(conflictSides(bobMerged, { name: 'bob', email: '' })[0].yours).toBe(true);
    expect(conflictSides(bobMerged, { name: '', email: '' }).some((s) => s.yours)).toBe(false);
  });

  it('without authors, or one author on both sides, names neither side and calls neither yours', () => {
    expect(conflictSides({}, alice)).toEqual([
      { side: 'ours', shownNow: true, yours: false },
      { side: 'theirs', shownNow: false, yours: false },
    ]);
    const twoComputers = { oursBy: 'Alice <alice@example.org>', theirsBy: 'Alice <ALICE@example.org>' };
    expect(conflictSides(twoComputers, alice).map((s) => [s.author, s.yours])).toEqual([
      [undefined, false],
      [undefined, false],
    ]);
    const [ours, theirs] = conflictSides({ theirsBy: 'Alice <alice@example.org>' }, bob);
    expect([ours.author, theirs.author]).toEqual([undefined, alice]);
  });
});

describe('parseAuthor, sameAuthor, possessiveContext', () => {
  it('reads "Name <e-mail>", a bare name, and nothing', () => {
    expect(parseAuthor(' Anna Lindqvist <anna@example.org> ')).toEqual({
      name: 'Anna Lindqvist',
      email: 'anna@example.org',
    });
    expect(parseAuthor('Me')).toEqual({ name: 'Me' });
    expect(parseAuthor('<x@example.org>')).toEqual({ name: 'x@example.org', email: 'x@example.org' });
    expect(parseAuthor('  ')).toBeUndefined();
    expect(parseAuthor(undefined)).toBeUndefined();
  });

  it('tells people apart by e-mail when both have one', () => {
    expect(sameAuthor({ name: 'Anna', email: 'a@x.org' }, { name: 'Anna', email: 'b@x.org' })).toBe(false);
    expect(sameAuthor({ name: 'Anna' }, { name: 'anna ', email: 'b@x.org' })).toBe(true);
    expect(sameAuthor(undefined, { name: 'Anna' })).toBe(false);
  });

  it('Swedish possessive: no -s after s, x or z', () => {
    expect(['Lars', 'Max', 'Inez', 'Bob', 'Anna'].map(possessiveContext)).toEqual([
      'sibilant',
      'sibilant',
      'sibilant',
      undefined,
      undefined,
    ]);
  });
});
