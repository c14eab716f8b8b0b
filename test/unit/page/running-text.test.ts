import { describe, expect, it } from 'vitest';
import { valuesInText } from '@/lib/page/inline-text';

const found = (text: string) => [...valuesInText(text)].map(({ field, value }) => [field, value]);

describe('values a sentence names after a few small words', () => {
  it.each([
    ['the LRN is 26NLI0000000123456.', [['lrn', '26NLI0000000123456']]],
    ['LRN for that one: 26NL00000ABC1234, thanks', [['lrn', '26NL00000ABC1234']]],
    ['het LRN is 24NLDOU0001234', [['lrn', '24NLDOU0001234']]],
    ['Die LRN lautet 26DE0000HH998877.', [['lrn', '26DE0000HH998877']]],
    ['the service order is 7770142', [['serviceOrder', '7770142']]],
    ['de serviceorder is nu 7771744', [['serviceOrder', '7771744']]],
  ])('finds the value in %j', (text, values) => {
    expect(found(text)).toEqual(values);
  });

  it.each([
    ['an order of 150 tonnes', 'a quantity'],
    ['Service order of 150 tonnes', 'a short number after small words'],
    ['The LRN is pending, MRN 24BE000000123456J7', 'a word, then an MRN under its own name'],
    ['LRN and MRN: 26NL00000128746500', 'a value named by another label too'],
    ['the service order is at 14:27 today', 'a time'],
    ['the LRN is 26.11.2024', 'a date'],
    ['the LRN of container MSCU1234565', 'a container number after a word that is no small word'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
