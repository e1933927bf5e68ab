/**
 * Drives one subscription's async iterator until it ends, fails, or `signal` aborts.
 *
 * Each step races `iterator.next()` against the abort signal with a fresh listener that is
 * removed afterwards, so a long-lived subscription does not pile up promise reactions (the leak a
 * plain `Promise.race` against one long-lived abort promise has).
 *
 * @returns how it ended: `'done'` (the procedure finished or `emit` refused), `'aborted'`, or
 * `{ error }` when the iterator threw.
 */
export async function pumpSubscription(opts: {
  iterable: AsyncIterable<unknown>;
  signal: AbortSignal;
  /** Delivers one value; returning false ends the subscription (the receiver is gone). */
  emit(value: unknown): boolean;
}): Promise<'done' | 'aborted' | { error: unknown }> {
  const iterator = opts.iterable[Symbol.asyncIterator]();
  let outcome: 'done' | 'aborted' | { error: unknown } = 'done';
  try {
    for (;;) {
      const step = await nextOrAbort(iterator, opts.signal);
      if (step === 'aborted') {
        outcome = 'aborted';
        break;
      }
      if (step.done) return 'done';
      if (!opts.emit(step.value)) break;
    }
  } catch (error) {
    return { error };
  }
  // We left a live iterator behind: end it so generators run their `finally` and observables
  // their teardown. Not awaited: a generator stuck in an `await` finishes its step first.
  void Promise.resolve()
    .then(() => iterator.return?.())
    .catch(() => undefined);
  return outcome;
}

function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T> | 'aborted'> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      resolve('aborted');
      return;
    }
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    // Both branches are handled here, so a `next()` that rejects after an abort is never an
    // unhandled rejection.
    iterator.next().then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
