// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFrame } from '@/lib/page/read-frame';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import { findByRules, PAGE_TEXT_LIMIT } from '@/lib/page/site-rules';
import type { SiteRule } from '@/lib/page/types';
import { matchesGlob, matchesUrlPattern, toMatchPattern } from '@/lib/page/url-patterns';
import { readingOfFrames } from '@/lib/read-tab';
import { useLanguage } from '../i18n-setup';
import { attachDeclarativeShadowRoots } from './declarative-shadow-dom';

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

  // Inputs a backtracking matcher would take hours on: the test's own timeout is the bound, and
  // `npm run bench`, not a test, measures speed.
  it('matches a pattern of many stars against a long URL, match or not', () => {
    const pattern = `https://tos.example.com/${'*a'.repeat(200)}*b`;
    const longUrl = `https://tos.example.com/${'a'.repeat(2_000_000)}`;
    // As a backtracking RegExp (/^\/.*a.*a…b$/), this pattern would take ages on such a URL.
    expect(matchesUrlPattern(pattern, longUrl)).toBe(false);
    matchesUrlPattern(`*://*/${'*'.repeat(5_000)}x`, longUrl);
    const matching = `https://tos.example.com/${'a'.repeat(8_000)}b`;
    expect(matchesUrlPattern(pattern, matching)).toBe(true);
  });

  it('compares the first 8,192 characters of an address', () => {
    const path = `/${'a'.repeat(9_000)}`;
    expect(matchesUrlPattern('https://tos.example.com/*a', `https://tos.example.com${path}`)).toBe(true);
    expect(matchesUrlPattern('https://tos.example.com/*b', `https://tos.example.com${path}b`)).toBe(false);
  });
});

describe('matchesGlob', () => {
  it.each([
    ['/*', '/orders/7?tab=1', true],
    ['/orders/*/lines', '/orders/7/lines', true],
    ['/orders/*/lines', '/orders/7/lines/2', false],
    ['/orders/*/lines*', '/orders/7/lines/2', true],
    ['/a*b*c', '/abc', true],
    ['/a*b*c', '/aXbYbZc', true],
    ['/a*b*c', '/acb', false],
    ['/a*a', '/a', false],
    ['*', '', true],
    ['**', 'anything', true],
    ['/exact', '/exact', true],
    ['/exact', '/exactly', false],
    ['/*.html', '/demo/page.html', true],
    ['/*.html', '/demo/page.htm', false],
    ['/Orders/*', '/orders/7', false],
  ])('%s against %s: %s', (glob, text, matches) => {
    expect(matchesGlob(glob, text)).toBe(matches);
  });

  it('matches in one pass over the text, whatever the stars and pieces', () => {
    const text = 'a'.repeat(2_000_000);
    const nearMisses = `*${`${'a'.repeat(50)}b*`.repeat(20)}`;
    expect(matchesGlob(nearMisses, text)).toBe(false);
    expect(matchesGlob(`${'*a'.repeat(10_000)}*`, text)).toBe(true);
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

  it('takes a rule of labels alone, and selectors that step into shadow roots', () => {
    expect(
      siteRuleErrors({
        urlPattern: 'https://tos.example.com/*',
        serviceOrder: { label: 'Werkorder' },
        lrn: { selector: 'customs-panel >>> dd.ref' },
      }),
    ).toEqual({});
  });

  it('refuses an empty label, one longer than a label is, and a bad step into a shadow root', () => {
    const errors = siteRuleErrors({
      urlPattern: 'https://tos.example.com/*',
      serviceOrder: { label: '  ' },
      lrn: { label: 'x'.repeat(65), selector: 'customs-panel >>> [' },
    });
    expect(Object.keys(errors).sort()).toEqual(['lrnLabel', 'lrnSelector', 'serviceOrderLabel']);
    expect(errors.lrnLabel).toMatch(/64 characters/);
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

  it.each([
    ['a lookahead', 'Order (\\d+)(?= open)'],
    ['a negative lookahead', '(?!Sales)Order (\\d+)'],
    ['a lookbehind', '(?<=Order )(\\d+)'],
    ['a negative lookbehind', '(?<!Sales )Order (\\d+)'],
  ])('says RE2 has no lookaround when the regex has %s', (_kind, regex) => {
    expect(siteRuleErrors({ urlPattern: 'tos.example.com', serviceOrder: { regex } })).toEqual({
      serviceOrderRegex: expect.stringMatching(/RE2 syntax, which has no lookahead or lookbehind/),
    });
  });

  it.each([
    ['a numbered backreference', '(\\d)\\1(\\d+)'],
    ['a named backreference', '(?<digit>\\d)\\k<digit>'],
  ])('says RE2 has no backreferences when the regex has %s', (_kind, regex) => {
    expect(siteRuleErrors({ urlPattern: 'tos.example.com', lrn: { regex } })).toEqual({
      lrnRegex: expect.stringMatching(/RE2 syntax, which has no backreferences/),
    });
  });

  it('says so in Dutch in a Dutch browser', async () => {
    await useLanguage('nl');
    const errors = siteRuleErrors({
      urlPattern: 'tos.example.com',
      serviceOrder: { regex: '(?<=Order )(\\d+)' },
      lrn: { regex: '(\\w)\\1(\\w+)' },
    });
    expect(errors).toEqual({
      serviceOrderRegex: expect.stringMatching(/^Paginaregels gebruiken RE2-syntaxis, zonder lookahead/),
      lrnRegex: expect.stringMatching(/^Paginaregels gebruiken RE2-syntaxis, zonder terugverwijzingen/),
    });
  });

  it('passes what only looks like lookaround or a backreference, and any RE2 syntax', () => {
    for (const regex of [
      '[(?=](\\d+)',
      '\\(\\?=(\\d+)',
      'SO\\\\1(\\d+)',
      '(?P<order>\\d+)',
      '(?<order>\\d+)',
      '(?i)order\\s+(\\d+)',
      // Exponential with JavaScript's RegExp, linear with RE2: nothing to warn about.
      '^(\\w+\\s?)+$',
    ]) {
      expect({ regex, errors: siteRuleErrors({ urlPattern: 'tos.example.com', lrn: { regex } }) }).toEqual({
        regex,
        errors: {},
      });
    }
  });

  it('names RE2’s own reason for other syntax it does not take', () => {
    expect(
      siteRuleErrors({ urlPattern: 'tos.example.com', serviceOrder: { regex: 'SO\\u0020(\\d+)' } })
        .serviceOrderRegex,
    ).toMatch(/^Not a valid regular expression: .*invalid escape sequence: `\\u`/);
  });
});

describe('what the reader hands back for the rules', () => {
  const URL = 'https://tos.example.com/orders/view';

  beforeEach(() => {
    document.body.innerHTML =
      '<div class="hdr"><span class="ref">Ref. 7770002</span></div><div id="so">7770003</div>' +
      '<p>Declared under local ref 24NLLRN0000003 today.</p>';
  });

  it('gives a selector’s value, and the text each regex is to run on, never running a regex', () => {
    const found = findByRules(document, URL, [
      {
        urlPattern: 'tos.example.com',
        serviceOrder: { selector: '#so' },
        lrn: { regex: 'local ref (\\w+)' },
      },
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '.hdr .ref', regex: '(\\d+)' } },
    ]);
    expect(found.ruleFindings).toEqual([
      { field: 'serviceOrder', context: 'tos.example.com', value: '7770003' },
      { field: 'lrn', context: 'tos.example.com', regex: 'local ref (\\w+)' },
      { field: 'serviceOrder', context: 'tos.example.com', regex: '(\\d+)', text: 'Ref. 7770002' },
    ]);
    expect(found.pageText).toContain('Declared under local ref 24NLLRN0000003 today.');
  });

  it('reads the page text only when a regex runs on it', () => {
    const found = findByRules(document, URL, [
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '#so' } },
    ]);
    expect(found).toEqual({
      ruleFindings: [{ field: 'serviceOrder', context: 'tos.example.com', value: '7770003' }],
    });
  });

  it('cuts the text of a page or an element of megabytes to the first 200,000 characters', () => {
    const log = 'SO 7770142 gate in\n'.repeat(200_000);
    document.body.innerHTML = '<pre id="log"></pre>';
    const pre = document.getElementById('log');
    if (pre) pre.textContent = log;
    const found = findByRules(document, URL, [
      { urlPattern: 'tos.example.com', serviceOrder: { regex: 'SO (\\d+)' } },
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '#log', regex: 'SO (\\d+)' } },
    ]);
    expect(PAGE_TEXT_LIMIT).toBe(200_000);
    expect(found.pageText).toHaveLength(PAGE_TEXT_LIMIT);
    expect(found.ruleFindings[1]).toMatchObject({ text: log.slice(0, PAGE_TEXT_LIMIT) });
    expect(structuredClone(found)).toEqual(found);
  });
});

describe('site rules in the reading', () => {
  const URL = 'https://tos.example.com/orders/view';

  beforeEach(() => {
    document.title = '';
    document.body.innerHTML =
      '<dl><dt>Service order</dt><dd>7770001</dd><dt>LRN</dt><dd>24NLLRN0000001</dd></dl>' +
      '<div class="hdr"><span class="ref">Ref. 7770002</span></div><input id="lrn-box" value="24nllrn0000002">' +
      '<p>Declared under local ref 24NLLRN0000003 today.</p>';
  });

  const read = (rules: SiteRule[]) =>
    readingOfFrames([readFrame({ document, url: URL })], [findByRules(document, URL, rules)]);

  it('reads by selector before the built-in reading, from text or an input value', async () => {
    const reading = await read([
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

  it('reads by regex on the page text', async () => {
    const reading = await read([
      { urlPattern: 'https://tos.example.com/orders/*', lrn: { regex: 'local ref (\\w+)' } },
    ]);
    expect(reading.lrn[0]).toMatchObject({ value: '24NLLRN0000003', source: 'site-rule' });
  });

  it('keeps the order of the rules, whether a selector or a regex finds the value', async () => {
    const reading = await read([
      { urlPattern: 'tos.example.com', serviceOrder: { regex: 'Ref\\. (\\d+)' } },
      { urlPattern: 'tos.example.com', serviceOrder: { selector: 'dd' } },
    ]);
    expect(reading.serviceOrder.map(({ value, source }) => [value, source])).toEqual([
      ['7770002', 'site-rule'],
      ['7770001', 'site-rule'],
    ]);
  });

  it('ignores a rule for another site', async () => {
    const reading = await read([
      { urlPattern: 'other.example.com', serviceOrder: { selector: '.ref', regex: '(\\d+)' } },
    ]);
    expect(reading.serviceOrder.map((candidate) => candidate.source)).toEqual(['page']);
  });

  it('ignores what a broken rule or a rule finding no value gives, and reads the page as usual', async () => {
    const reading = await read([
      { urlPattern: 'tos.example.com', serviceOrder: { selector: 'div[' }, lrn: { regex: '(' } },
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '#missing' }, lrn: { selector: 'p' } },
      { urlPattern: 'tos.example.com', serviceOrder: { regex: '(?<=Ref\\. )(\\d+)' } },
    ]);
    expect(reading.serviceOrder[0]).toMatchObject({ value: '7770001', source: 'page' });
    expect(reading.lrn[0]).toMatchObject({ value: '24NLLRN0000001', source: 'page' });
  });
});

describe('rules anchored on a label (as Pick on page saves them)', () => {
  const URL = 'https://tos.example.com/ops/discharge';
  const findings = (rules: SiteRule[]) => findByRules(document, URL, rules).ruleFindings;

  beforeEach(() => {
    document.title = '';
    document.body.innerHTML =
      '<table><thead><tr><th>Order</th><th>Customs ref.</th></tr></thead><tbody>' +
      '<tr><td>8810001</td><td>26NLNQT0001101</td></tr>' +
      '<tr aria-selected="true"><td>8810003</td><td>26NLNQT0001103</td></tr></tbody></table>' +
      '<dl><dt>Douanekenmerk:</dt><dd><span>26NLRMB0004417</span></dd></dl>';
  });

  it('reads the value beside the label, and a grid column by its selected row', () => {
    expect(
      findings([
        { urlPattern: 'tos.example.com', lrn: { label: 'Customs ref.' }, serviceOrder: { label: 'Order' } },
      ]),
    ).toEqual([
      { field: 'serviceOrder', context: 'tos.example.com', value: '8810003' },
      { field: 'lrn', context: 'tos.example.com', value: '26NLNQT0001103' },
    ]);
  });

  it('compares the label without case and without a colon after it', () => {
    expect(findings([{ urlPattern: 'tos.example.com', lrn: { label: 'douanekenmerk' } }])).toEqual([
      { field: 'lrn', context: 'tos.example.com', value: '26NLRMB0004417' },
    ]);
  });

  it('finds nothing for a label the page does not show, or shows only as part of another text', () => {
    expect(findings([{ urlPattern: 'tos.example.com', lrn: { label: 'Customs' } }])).toEqual([]);
    expect(findings([{ urlPattern: 'tos.example.com', lrn: { label: 'Ref' } }])).toEqual([]);
  });

  it('falls back to the rule’s selector when the label is not on the page', () => {
    expect(
      findings([{ urlPattern: 'tos.example.com', lrn: { label: 'Customs reference', selector: 'dd span' } }]),
    ).toEqual([{ field: 'lrn', context: 'tos.example.com', value: '26NLRMB0004417' }]);
  });

  it('reads by label inside a web component’s open shadow root, and by a selector that steps into it', () => {
    document.body.innerHTML =
      '<customs-panel><template shadowrootmode="open"><dl><dt>Douanekenmerk</dt><dd class="ref">26NLRMB0004417</dd>' +
      '</dl></template></customs-panel>';
    attachDeclarativeShadowRoots(document);
    expect(findings([{ urlPattern: 'tos.example.com', lrn: { label: 'Douanekenmerk' } }])).toEqual([
      { field: 'lrn', context: 'tos.example.com', value: '26NLRMB0004417' },
    ]);
    expect(
      findings([{ urlPattern: 'tos.example.com', lrn: { selector: 'customs-panel >>> dd.ref' } }]),
    ).toEqual([{ field: 'lrn', context: 'tos.example.com', value: '26NLRMB0004417' }]);
  });
});

describe('toMatchPattern', () => {
  it('writes each pattern as a browser match pattern, with its port where the browser takes one', () => {
    expect(toMatchPattern('tos.example.com', true)).toBe('*://tos.example.com/*');
    expect(toMatchPattern('*.example.com:8443', true)).toBe('*://*.example.com:8443/*');
    expect(toMatchPattern('*.example.com:8443', false)).toBe('*://*.example.com/*');
    expect(toMatchPattern('https://tos.example.com/orders/*?id=*', true)).toBe(
      'https://tos.example.com/orders/*?id=*',
    );
    expect(toMatchPattern('not a pattern/x', true)).toBeUndefined();
  });
});
