import { describe, expect, it } from 'vitest';
import { outboxItem, patchItems, putItem, removeItem, updateOutbox } from '@/lib/background/outbox-store';
import { MAX_AUTOMATIC_ATTEMPTS, MAX_RETRY_PERIOD_MS, nextAttemptAt, pendingCount } from '@/lib/outbox';
import { NOW, outboxEntry, setUpFakeBrowser, taskForm } from './helpers';

setUpFakeBrowser();

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('nextAttemptAt', () => {
  /** The wait before the next attempt of a run that began just now. */
  const delay = (attempts: number, retryAfterMs?: number) => {
    const next = nextAttemptAt(attempts, NOW, NOW, retryAfterMs);
    return next === undefined ? undefined : next - NOW;
  };

  it('tries again 5 s after the first failure', () => {
    expect(nextAttemptAt(1, NOW, NOW)).toBe(NOW + 5 * SECOND);
  });

  it('waits longer after each failure', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => delay(attempts))).toEqual([
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

  it.each([8, 9, 20, MAX_AUTOMATIC_ATTEMPTS - 1])(
    'never waits more than 15 minutes, even after %i failures',
    (attempts) => {
      expect(delay(attempts)).toBe(15 * MINUTE);
    },
  );

  it('treats an item that never failed like a first failure', () => {
    expect(delay(0)).toBe(5 * SECOND);
  });

  it.each([
    ['longer than the backoff', 1, 2 * MINUTE],
    ['shorter than the backoff', 8, 3 * SECOND],
    ['of exactly one second', 4, SECOND],
  ])('follows a Retry-After %s', (_, attempts, retryAfterMs) => {
    expect(delay(attempts, retryAfterMs)).toBe(retryAfterMs);
  });

  it.each([0, 1, 999])('waits at least 1 s when Retry-After asks for %i ms', (retryAfterMs) => {
    expect(delay(3, retryAfterMs)).toBe(SECOND);
  });

  it(`stops after ${MAX_AUTOMATIC_ATTEMPTS} attempts`, () => {
    expect(delay(MAX_AUTOMATIC_ATTEMPTS - 1)).toBe(15 * MINUTE);
    expect(delay(MAX_AUTOMATIC_ATTEMPTS)).toBeUndefined();
    expect(delay(MAX_AUTOMATIC_ATTEMPTS + 5)).toBeUndefined();
  });

  it('stops when the next attempt would come more than 24 hours after the first', () => {
    const firstTriedAt = NOW - MAX_RETRY_PERIOD_MS + 15 * MINUTE;
    expect(nextAttemptAt(20, firstTriedAt, NOW)).toBe(NOW + 15 * MINUTE);
    expect(nextAttemptAt(20, firstTriedAt - 1, NOW)).toBeUndefined();
  });

  it('stops when Retry-After asks to wait past the 24 hours', () => {
    expect(nextAttemptAt(1, NOW, NOW, MAX_RETRY_PERIOD_MS)).toBe(NOW + MAX_RETRY_PERIOD_MS);
    expect(nextAttemptAt(1, NOW, NOW, MAX_RETRY_PERIOD_MS + 1)).toBeUndefined();
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

  it('patches each item it picks by what that item is, and only those', async () => {
    const first = outboxEntry({ id: 'submission-0001', attempts: 2 });
    const second = outboxEntry({ id: 'submission-0002', attempts: 5 });
    const untouched = outboxEntry({ id: 'submission-0003', state: 'held' });
    await Promise.all([putItem(first), putItem(second), putItem(untouched)]);

    await patchItems(
      (item) => item.state === 'waiting',
      (item) => ({ lastError: `after ${item.attempts} attempts` }),
    );

    expect(await outboxItem.getValue()).toEqual([
      { ...first, lastError: 'after 2 attempts' },
      { ...second, lastError: 'after 5 attempts' },
      untouched,
    ]);
  });

  it('counts every item as pending, whatever its state', () => {
    const items = (['sending', 'waiting', 'unknown', 'held'] as const).map((state, index) =>
      outboxEntry({ id: `submission-000${index}`, state }),
    );
    expect(pendingCount(items)).toBe(4);
    expect(pendingCount([])).toBe(0);
  });
});
