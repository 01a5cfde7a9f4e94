/**
 * Group commit for a hot statement: calls that arrive while `maxInFlight` batches are running wait
 * and go out together as the next batch, one statement and one commit for all of them. Under light
 * load every call runs at once on its own (no timer, no added latency); under heavy load batches
 * grow by themselves, which is what takes PostgreSQL's per-statement and per-commit cost (and the
 * api's write per statement) off each answer (docs/scale.md).
 *
 * `run` gets the batch in arrival order and answers one result per item, in the same order. When
 * a batch of several fails as a whole (one bad item must not sink the others), each item is run on
 * its own so that only its own call sees its error.
 */
export class StatementBatcher<Item, Result> {
  private readonly waiting: { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxInFlight: number; maxBatch: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async runBatch(batch: StatementBatcher<Item, Result>['waiting']): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(
        batch.map((b) =>
          this.run([b.item]).then(
            ([result]) => b.resolve(result),
            (alone: unknown) => b.reject(alone),
          ),
        ),
      );
    }
  }
}
