/**
 * Group writes that arrive together into one statement (group commit). Each caller gets its
 * own result only after the batch holding its item is committed, so a receipt shown to a
 * person still means the row is stored. A batch flushes on the next turn of the event loop,
 * and while one flushes, the next fills up.
 */
export type Batcher<T, R> = { add(item: T): Promise<R> };

export function createBatcher<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  maxSize = 250,
): Batcher<T, R> {
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let scheduled = false;

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxSize);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          w.resolve(results[i] as R);
        });
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    scheduled = false;
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
