import { describe, expect, it } from 'vitest';
import { cleanText, hasIso6346CheckDigit, lrnValue, serviceOrderValue } from '@/lib/page/values';

describe('serviceOrderValue', () => {
  it.each([
    ['777', '777'],
    ['7770142', '7770142'],
    ['SO-2024-0042', 'SO-2024-0042'],
    ['4500123456', '4500123456'],
    ['SO 777', '777'],
    ['SO-777', '777'],
    ['SO#777', '777'],
    ['2024/0042', '2024/0042'],
  ])('takes %s as %s', (text, value) => {
    expect(serviceOrderValue(text)).toBe(value);
  });

  it.each([
    '77',
    '7'.repeat(21),
    'Status',
    '-777',
    '777-',
    '2024-11-28',
    '28-11-2024',
    '28/11/2024',
    '11/2024',
    '010-1234567',
    '12.450,00',
    '14:27',
    'MSCU1234565',
    '24NL000000000045J4',
    '<b>777</b>',
  ])('rejects %s', (text) => {
    expect(serviceOrderValue(text)).toBe('');
  });
});

describe('lrnValue', () => {
  it('upper-cases letters and digits up to 22', () => {
    expect(lrnValue(' 24nllrn0004471 ')).toBe('24NLLRN0004471');
    expect(lrnValue('A1'.repeat(11))).toBe('A1'.repeat(11));
  });

  it.each([
    'A1'.repeat(12),
    '24NL-LRN',
    'LRNONLY',
    'MSCU1234565',
    '24NL000000000045J5',
    '10NL5663962BE1E825',
  ])('rejects %s', (text) => {
    expect(lrnValue(text)).toBe('');
  });
});

describe('hasIso6346CheckDigit', () => {
  it('checks container numbers and MRNs alike', () => {
    expect(hasIso6346CheckDigit('CSQU3054383')).toBe(true);
    expect(hasIso6346CheckDigit('CSQU3054384')).toBe(false);
    // Published examples of MRNs.
    expect(hasIso6346CheckDigit('10NL5663962BE1E825')).toBe(true);
    expect(hasIso6346CheckDigit('06DE586600006143E1')).toBe(true);
  });
});

describe('cleanText', () => {
  it('keeps HTML as literal text', () => {
    expect(cleanText('<b>777</b>')).toBe('<b>777</b>');
  });

  it('strips control characters and folds white space', () => {
    expect(cleanText('\u0000 7770\u0007142\u200b\n\t')).toBe('7770 142');
  });

  it('drops text longer than 64 characters whole', () => {
    expect(cleanText(`7770142 ${'x'.repeat(60)}`)).toBe('');
  });
});
