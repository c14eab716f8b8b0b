import { describe, expect, it } from 'vitest';
import { findAlreadyReported, normalisedValue } from '@/lib/already-reported';
import type { HistoryEntry } from '@/lib/history';

function entry(orderID: string, lrn?: string, title = `Item ${orderID}`): HistoryEntry {
  return {
    taskLink: `https://bzctrl.example/todo/IMP-NLD-EXA-SWA-${orderID}`,
    trusted: true,
    title,
    todoType: 'INCIDENT',
    orderID,
    lrn,
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    createdAt: '2026-12-04T08:00:00.000Z',
  };
}

describe('normalisedValue', () => {
  it('sets aside case, spaces, dashes, dots and slashes', () => {
    expect(normalisedValue(' 24nl-lrn 0004.471/ ')).toBe('24NLLRN0004471');
    expect(normalisedValue(undefined)).toBe('');
  });
});

describe('findAlreadyReported', () => {
  const history = [entry('7770143', '24NL1', 'Newest'), entry('777'), entry('7770143', undefined, 'Older')];

  it('finds the newest item for the service order on the page', () => {
    expect(findAlreadyReported(history, { serviceOrder: '7770143' })).toMatchObject({
      entry: { title: 'Newest' },
      field: 'serviceOrder',
    });
  });

  it('finds an item by the LRN when the service order is another', () => {
    expect(findAlreadyReported(history, { serviceOrder: '1', lrn: '24nl1' })).toMatchObject({
      entry: { title: 'Newest' },
      field: 'lrn',
      value: '24NL1',
    });
  });

  it('is exact: a value that only starts or ends the same is no match', () => {
    expect(findAlreadyReported(history, { serviceOrder: '77701' })).toBeUndefined();
    expect(findAlreadyReported(history, { serviceOrder: '0777' })).toBeUndefined();
    expect(findAlreadyReported(history, { lrn: '24NL' })).toBeUndefined();
  });

  it('finds nothing for a page without values', () => {
    expect(findAlreadyReported(history, { serviceOrder: ' ', lrn: '' })).toBeUndefined();
  });

  it('finds the oldest of a full history of 500 (its speed: `npm run bench`)', () => {
    const full = Array.from({ length: 500 }, (_, index) => entry(String(100_000 + index), `LRN${index}`));
    expect(findAlreadyReported(full, { lrn: 'lrn499' })?.entry.orderID).toBe('100499');
  });
});
