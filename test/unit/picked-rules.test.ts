import { describe, expect, it } from 'vitest';
import { sitePatternOf, withPickedRule } from '@/lib/picked-rules';

describe('sitePatternOf', () => {
  it.each([
    ['https://tos.example.com/ops/discharge?x=1#row', 'https://tos.example.com/*'],
    ['http://127.0.0.1:8787/demo/service-order.html', 'http://127.0.0.1:8787/*'],
  ])('gives every page of the site of %s: %s', (url, pattern) => {
    expect(sitePatternOf(url)).toBe(pattern);
  });

  it.each(['file:///home/op/list.html', 'chrome://extensions/', 'not a url', ''])(
    'gives none for %j',
    (url) => {
      expect(sitePatternOf(url)).toBeUndefined();
    },
  );
});

describe('withPickedRule', () => {
  it('adds a rule for a site that has none', () => {
    expect(withPickedRule([], 'https://tos.example.com/*', 'lrn', { label: 'Customs ref.' })).toEqual([
      { urlPattern: 'https://tos.example.com/*', lrn: { label: 'Customs ref.' } },
    ]);
  });

  it('replaces the picked field of the site’s rule (its selector and regex too), keeping the other field', () => {
    const rules = [
      { urlPattern: 'https://other.example.com/*', lrn: { selector: '#lrn' } },
      {
        urlPattern: 'https://tos.example.com/*',
        serviceOrder: { selector: '#so' },
        lrn: { selector: '.lrn', regex: 'LRN (\\w+)' },
      },
    ];
    expect(
      withPickedRule(rules, 'https://tos.example.com/*', 'lrn', { selector: 'customs-panel >>> dd.ref' }),
    ).toEqual([
      rules[0],
      {
        urlPattern: 'https://tos.example.com/*',
        serviceOrder: { selector: '#so' },
        lrn: { selector: 'customs-panel >>> dd.ref' },
      },
    ]);
  });
});
