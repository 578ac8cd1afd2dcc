/**
 * Runs async work one at a time, in call order: for drivers whose connection cannot
 * hold two transactions at once (one SQLite connection, the memory store).
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier call has settled. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
