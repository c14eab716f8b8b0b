// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read-page';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import { matchesUrlPattern } from '@/lib/page/site-rules';
import type { SiteRule } from '@/lib/page/types';

describe('matchesUrlPattern', () => {
  it.each([
    ['https://tos.example.com/*', 'https://tos.example.com/orders/7?tab=1', true],
    ['https://tos.example.com/*', 'http://tos.example.com/orders', false],
    ['https://tos.example.com/*', 'https://other.example.com/', false],
    ['https://tos.example.com/*', 'https://x.tos.example.com/', false],
    ['*://*.example.com/orders/*', 'http://example.com/orders/7', true],
    ['*://*.example.com/orders/*', 'https://a.b.example.com/orders/7', true],
    ['*://*.example.com/orders/*', 'https://tos.example.com/invoices/7', false],
    ['*://*.example.com/orders/*', 'https://badexample.com/orders/7', false],
    ['*://*.example.com/orders/*', 'ftp://tos.example.com/orders/7', false],
    ['https://*/*', 'https://anything.example.org/x', true],
    ['http://localhost:8787/*', 'http://localhost:8787/demo/', true],
    ['http://localhost:8787/*', 'http://localhost:9999/demo/', false],
    ['tos.example.com', 'https://tos.example.com/orders/7', true],
    ['tos.example.com', 'http://tos.example.com/', true],
    ['tos.example.com', 'https://x.tos.example.com/', false],
    ['TOS.Example.com', 'https://tos.example.com/', true],
    ['*.example.com', 'https://x.tos.example.com/', true],
    ['localhost', 'http://localhost:8787/demo/', true],
    ['https://tos.example.com/orders/*/lines', 'https://tos.example.com/orders/7/lines', true],
    ['https://tos.example.com/orders/*/lines', 'https://tos.example.com/orders/7/header', false],
  ])('%s against %s: %s', (pattern, url, matches) => {
    expect(matchesUrlPattern(pattern, url)).toBe(matches);
  });

  it.each([
    '',
    'not a pattern',
    'ftp://tos.example.com/*',
    'https://tos.*.com/*',
    '<all_urls>',
    'tos.example.com/orders',
  ])('matches nothing with the invalid pattern "%s"', (pattern) => {
    expect(matchesUrlPattern(pattern, 'https://tos.example.com/orders')).toBe(false);
  });

  it('matches nothing for a URL that does not parse', () => {
    expect(matchesUrlPattern('*://*/*', 'not a url')).toBe(false);
  });
});

describe('siteRuleErrors', () => {
  it('has nothing to say about a good rule', () => {
    expect(
      siteRuleErrors({
        urlPattern: 'https://tos.example.com/*',
        serviceOrder: { selector: '#order .number', regex: 'SO (\\d+)' },
        lrn: { regex: 'LRN:\\s*(\\w+)' },
      }),
    ).toEqual({});
  });

  it('names each bad part', () => {
    const errors = siteRuleErrors({
      urlPattern: 'https://tos.*.com/*',
      serviceOrder: { selector: 'div[', regex: '(' },
      lrn: { selector: '##', regex: 'LRN \\w+' },
    });
    expect(Object.keys(errors).sort()).toEqual([
      'lrnRegex',
      'lrnSelector',
      'serviceOrderRegex',
      'serviceOrderSelector',
      'urlPattern',
    ]);
    expect(errors.urlPattern).toMatch(/pattern/);
    expect(errors.serviceOrderSelector).toMatch(/selector/);
    expect(errors.serviceOrderRegex).toMatch(/regular expression/);
    expect(errors.lrnRegex).toMatch(/capture group/);
  });

  it('asks for the site when the pattern is empty', () => {
    expect(siteRuleErrors({ urlPattern: ' ', serviceOrder: { selector: '#so' } }).urlPattern).toMatch(/site/);
  });

  it('asks for a selector or a regex when the rule has neither', () => {
    const errors = siteRuleErrors({ urlPattern: 'tos.example.com', serviceOrder: {}, lrn: { selector: '' } });
    expect(errors).toEqual({ urlPattern: expect.stringMatching(/selector or a regular expression/) });
  });

  it('does not count a non-capturing group as the capture group', () => {
    expect(
      siteRuleErrors({ urlPattern: 'tos.example.com', lrn: { regex: '(?:LRN) \\w+' } }).lrnRegex,
    ).toMatch(/capture group/);
  });
});

describe('site rules in readPage', () => {
  const URL = 'https://tos.example.com/orders/view';

  beforeEach(() => {
    document.title = '';
    document.body.innerHTML =
      '<dl><dt>Service order</dt><dd>7770001</dd><dt>LRN</dt><dd>24NLLRN0000001</dd></dl>' +
      '<div class="hdr"><span class="ref">Ref. 7770002</span></div><input id="lrn-box" value="24nllrn0000002">' +
      '<p>Declared under local ref 24NLLRN0000003 today.</p>';
  });

  const read = (rules: SiteRule[]) => readPage({ document, url: URL, rules });

  it('reads by selector before the built-in reading, from text or an input value', () => {
    const reading = read([
      {
        urlPattern: 'tos.example.com',
        serviceOrder: { selector: '.hdr .ref', regex: '(\\d+)' },
        lrn: { selector: '#lrn-box' },
      },
    ]);
    expect(reading.serviceOrder.map(({ value, source }) => [value, source])).toEqual([
      ['7770002', 'site-rule'],
      ['7770001', 'page'],
    ]);
    expect(reading.lrn[0]).toEqual({
      value: '24NLLRN0000002',
      source: 'site-rule',
      context: 'tos.example.com',
    });
  });

  it('reads by regex on the page text', () => {
    const reading = read([
      { urlPattern: 'https://tos.example.com/orders/*', lrn: { regex: 'local ref (\\w+)' } },
    ]);
    expect(reading.lrn[0]).toMatchObject({ value: '24NLLRN0000003', source: 'site-rule' });
  });

  it('ignores a rule for another site', () => {
    const reading = read([
      { urlPattern: 'other.example.com', serviceOrder: { selector: '.ref', regex: '(\\d+)' } },
    ]);
    expect(reading.serviceOrder.map((candidate) => candidate.source)).toEqual(['page']);
  });

  it('ignores what a broken rule or a rule finding no value gives, and reads the page as usual', () => {
    const reading = read([
      { urlPattern: 'tos.example.com', serviceOrder: { selector: 'div[' }, lrn: { regex: '(' } },
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '#missing' }, lrn: { selector: 'p' } },
    ]);
    expect(reading.serviceOrder[0]).toMatchObject({ value: '7770001', source: 'page' });
    expect(reading.lrn[0]).toMatchObject({ value: '24NLLRN0000001', source: 'page' });
  });
});
