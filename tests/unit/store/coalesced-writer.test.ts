import { describe, expect, it } from 'vitest';
import { CoalescedWriter } from '../../../main/services/store/coalesced-writer';

describe('CoalescedWriter', () => {
  it('turns a burst of requests into one write in flight plus one after it', async () => {
    let value = 0;
    const written: number[] = [];
    const writer = new CoalescedWriter(async () => {
      const snapshot = value;
      await new Promise((r) => setTimeout(r, 20));
      written.push(snapshot);
    });
    const first = Array.from({ length: 50 }, () => {
      value++;
      return writer.request();
    });
    await new Promise((r) => setTimeout(r, 5)); // first write is now in flight
    const second = Array.from({ length: 50 }, () => {
      value++;
      return writer.request();
    });
    await Promise.all([...first, ...second]);
    expect(written).toEqual([50, 100]);
  });

  it('rejects every caller of a failed write, and later writes still run', async () => {
    let fail = true;
    let writes = 0;
    const writer = new CoalescedWriter(async () => {
      writes++;
      if (fail) throw new Error('disk full');
    });
    const results = await Promise.allSettled([writer.request(), writer.request()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(writer.request()).resolves.toBeUndefined();
    expect(writes).toBe(2);
    await writer.idle();
  });
});
