import fc from 'fast-check';
import { StatementBatcher } from './statement-batcher';

/** A statement that doubles its items, finishing when the test says so; `bad` items fail their batch. */
function fakeStatement(bad = new Set<number>()) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      pending.push(() =>
        items.some((i) => bad.has(i))
          ? reject(new Error(`bad ${items.join()}`))
          : resolve(items.map((i) => i * 2)),
      );
    });
  /** Lets every running statement finish, and the ones they start, until none is left. */
  const finishAll = async () => {
    while (pending.length > 0) {
      pending.splice(0).forEach((finish) => finish());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { run, batches, finishAll, running: () => pending.length };
}

describe('StatementBatcher', () => {
  it('runs a call at once while fewer than maxInFlight statements run', async () => {
    const statement = fakeStatement();
    const batcher = new StatementBatcher(statement.run, { maxInFlight: 2, maxBatch: 10 });
    const first = batcher.submit(1);
    const second = batcher.submit(2);
    expect(statement.batches).toEqual([[1], [2]]);
    await statement.finishAll();
    expect(await Promise.all([first, second])).toEqual([2, 4]);
  });

  it('gathers the calls that arrive meanwhile into batches of at most maxBatch, each answered in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 25 }),
        async (calls, maxInFlight, maxBatch) => {
          const statement = fakeStatement();
          const batcher = new StatementBatcher(statement.run, { maxInFlight, maxBatch });
          const items = Array.from({ length: calls }, (_, i) => i);
          const results = items.map((i) => batcher.submit(i));
          expect(statement.running()).toBe(Math.min(calls, maxInFlight));
          await statement.finishAll();
          expect(await Promise.all(results)).toEqual(items.map((i) => i * 2));
          expect(statement.batches.flat()).toEqual(items);
          expect(Math.max(...statement.batches.map((b) => b.length))).toBeLessThanOrEqual(maxBatch);
          // Calls beyond the first maxInFlight waited and went together.
          if (calls > maxInFlight + 1 && maxBatch > 1) expect(statement.batches.length).toBeLessThan(calls);
        },
      ),
      { numRuns: 200, seed: 20261204 },
    );
  });

  it('runs each call of a failed batch on its own, so only the bad call fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { maxLength: 5 }),
        async (badItems) => {
          const bad = new Set(badItems);
          const statement = fakeStatement(bad);
          const batcher = new StatementBatcher(statement.run, { maxInFlight: 1, maxBatch: 50 });
          const outcomes = Array.from({ length: 20 }, (_, i) =>
            batcher.submit(i).then(
              (value) => ({ value }),
              (error: Error) => ({ error: error.message }),
            ),
          );
          await statement.finishAll();
          expect(await Promise.all(outcomes)).toEqual(
            Array.from({ length: 20 }, (_, i) => (bad.has(i) ? { error: `bad ${i}` } : { value: i * 2 })),
          );
        },
      ),
      { numRuns: 100, seed: 20261204 },
    );
  });
});
