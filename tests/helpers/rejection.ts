import { expect } from 'vitest';
import { ImportRejection } from '../../main/services/import/extract/types';

/** The reason an import was refused with: fails the test unless `p` rejects with an ImportRejection. */
export async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRejection);
    return (err as ImportRejection).reason;
  }
  throw new Error('expected an ImportRejection');
}
