import { describe, expect, it } from 'vitest';
import {
  nextAttemptAt,
  outboxItem,
  parseRetryAfter,
  pendingCount,
  putItem,
  removeItem,
  updateOutbox,
} from '@/lib/outbox';
import { NOW, outboxEntry, setUpFakeBrowser, taskForm } from './helpers';

setUpFakeBrowser();

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('nextAttemptAt', () => {
  it('tries again 5 s after the first failure', () => {
    expect(nextAttemptAt(1, NOW)).toBe(NOW + 5 * SECOND);
  });

  it('waits longer after each failure', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => nextAttemptAt(attempts, NOW) - NOW);
    expect(delays).toEqual([
      5 * SECOND,
      15 * SECOND,
      30 * SECOND,
      MINUTE,
      2 * MINUTE,
      5 * MINUTE,
      10 * MINUTE,
      15 * MINUTE,
    ]);
  });

  it.each([8, 9, 20, 1_000])('never waits more than 15 minutes, even after %i failures', (attempts) => {
    expect(nextAttemptAt(attempts, NOW)).toBe(NOW + 15 * MINUTE);
  });

  it('treats an item that never failed like a first failure', () => {
    expect(nextAttemptAt(0, NOW)).toBe(NOW + 5 * SECOND);
  });

  it.each([
    ['longer than the backoff', 1, 2 * MINUTE],
    ['shorter than the backoff', 8, 3 * SECOND],
    ['of exactly one second', 4, SECOND],
  ])('follows a Retry-After %s', (_, attempts, retryAfterMs) => {
    expect(nextAttemptAt(attempts, NOW, retryAfterMs)).toBe(NOW + retryAfterMs);
  });

  it.each([0, 1, 999])('waits at least 1 s when Retry-After asks for %i ms', (retryAfterMs) => {
    expect(nextAttemptAt(3, NOW, retryAfterMs)).toBe(NOW + SECOND);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120 * SECOND],
    ['3', 3 * SECOND],
    [' 3 ', 3 * SECOND],
    ['0', 0],
  ])('reads the seconds %j', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it('waits at most a day, whatever the seconds say', () => {
    expect(parseRetryAfter('999999999', NOW)).toBe(24 * 60 * MINUTE);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:14:30 GMT', NOW)).toBe(2 * MINUTE + 30 * SECOND);
  });

  it('reads an HTTP date already past as no wait', () => {
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each([null, undefined, ''])('is undefined when the header is absent (%j)', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  // '-5' and '1.5' are neither delay-seconds (1*DIGIT) nor an HTTP date, but V8's lenient
  // Date.parse reads them as dates in 2001, so they come out as 0 ms instead of undefined.
  it.each(['soon', 'in 2 minutes', '0x10', '-5', '1.5'])('is undefined for the garbage %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe('the outbox in storage', () => {
  it('keeps both items when two are put at once', async () => {
    const first = outboxEntry({ id: 'submission-0001' });
    const second = outboxEntry({ id: 'submission-0002', form: taskForm() });

    await Promise.all([putItem(first), putItem(second)]);

    expect(await outboxItem.getValue()).toEqual([first, second]);
  });

  it('applies concurrent changes one after another, in the order they were asked for', async () => {
    const item = outboxEntry({ id: 'submission-0001' });

    const [, removed] = await Promise.all([putItem(item), removeItem(item.id)]);

    expect(removed).toEqual(item);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('replaces an item with the same id instead of adding another', async () => {
    await putItem(outboxEntry({ id: 'submission-0001', state: 'sending' }));
    const waiting = outboxEntry({ id: 'submission-0001', state: 'waiting', attempts: 2 });

    await putItem(waiting);

    expect(await outboxItem.getValue()).toEqual([waiting]);
  });

  it('removes only the item asked for, answering with it', async () => {
    const kept = outboxEntry({ id: 'submission-0001' });
    const removed = outboxEntry({ id: 'submission-0002' });
    await putItem(kept);
    await putItem(removed);

    await expect(removeItem(removed.id)).resolves.toEqual(removed);
    await expect(removeItem('no-such-item')).resolves.toBeUndefined();

    expect(await outboxItem.getValue()).toEqual([kept]);
  });

  it('goes on with later changes after one that throws, which rejects only its own caller', async () => {
    const item = outboxEntry({ id: 'submission-0001' });

    const failing = updateOutbox(() => {
      throw new Error('broken change');
    });
    const later = putItem(item);

    await expect(failing).rejects.toThrow('broken change');
    await expect(later).resolves.toBeUndefined();
    expect(await outboxItem.getValue()).toEqual([item]);
  });

  it('answers each change with its own result', async () => {
    await putItem(outboxEntry({ id: 'submission-0001' }));

    await expect(updateOutbox((items) => ({ items, result: items.length }))).resolves.toBe(1);
  });

  it('counts every item as pending, whatever its state', () => {
    const items = (['sending', 'waiting', 'unknown', 'held'] as const).map((state, index) =>
      outboxEntry({ id: `submission-000${index}`, state }),
    );
    expect(pendingCount(items)).toBe(4);
    expect(pendingCount([])).toBe(0);
  });
});
