/** Waiting for a screen that is still rendering: read again on each change, until found or timed out. */

/**
 * Calls `read` now; if `isFound` rejects the result, again on every change to `document` until it
 * accepts one, and a last time at the timeout. The observer is gone once the promise resolves.
 */
export function readWhenReady<Reading>(
  document: Document,
  read: () => Reading,
  isFound: (reading: Reading) => boolean,
  timeoutMs: number,
): Promise<Reading> {
  const first = read();
  if (isFound(first) || timeoutMs <= 0) return Promise.resolve(first);
  return new Promise((resolve) => {
    const finish = (reading: Reading) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(reading);
    };
    const observer = new MutationObserver(() => {
      const reading = read();
      if (isFound(reading)) finish(reading);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => finish(read()), timeoutMs);
  });
}
