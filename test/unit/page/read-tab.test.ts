// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://tos.brightwater.example/seals/check", "settings": {"disableJavaScriptEvaluation": true}}
// readTab as the popup and the options page run it: the real page reader injected into this
// document (scripting.executeScript stubbed to run it here), then the rules' regexes run with RE2.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import pageReader from '@/entrypoints/page-reader';
import pageRules from '@/entrypoints/page-rules';
import type { PageReading, SiteRule } from '@/lib/page/types';
import { readTab } from '@/lib/read-tab';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');
const TAB_ID = 7;
const BACKTRACKING_RULE: SiteRule = {
  urlPattern: 'https://tos.brightwater.example/*',
  serviceOrder: { regex: '^(\\w+\\s?)+$' },
};

interface Injection {
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
  files?: string[];
}

/** scripting.executeScript in this one document: the rules' options function, the real reader and rules scripts. */
function injectIntoThisDocument() {
  const scripts: Record<string, { main(): unknown }> = {
    '/page-reader.js': pageReader,
    '/page-rules.js': pageRules,
  };
  const inject = async (injection: Injection) => {
    const script = scripts[injection.files?.[0] ?? ''];
    const result = injection.func ? injection.func(...(injection.args ?? [])) : await script?.main();
    // The browser hands back a structured clone of what the script returned.
    return [{ frameId: 0, documentId: 'top', result: structuredClone(result) }];
  };
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(inject as never);
}

function loadScreen(name: string): void {
  const page = new DOMParser().parseFromString(readFileSync(join(PAGES, name), 'utf8'), 'text/html');
  document.documentElement.innerHTML = page.documentElement.innerHTML;
}

function sources(reading: PageReading) {
  return reading.serviceOrder.map(({ value, source }) => [value, source]);
}

beforeEach(() => {
  fakeBrowser.reset();
  injectIntoThisDocument();
});

describe('page rules through readTab', () => {
  it('answers on the backtracking rule ^(\\w+\\s?)+$ over 32 letters and a "!", with the built-in reading', async () => {
    loadScreen('backtracking-text.html');
    expect(document.querySelector('p')?.textContent).toBe(`${'a'.repeat(32)}!`);
    // JavaScript's RegExp takes hours on this text (the test would time out); RE2 a fraction of a ms.
    const reading = await readTab(TAB_ID, { rules: [BACKTRACKING_RULE] });
    expect(sources(reading)).toEqual([['7770142', 'page']]);
  });

  it('finds a value with the backtracking rule where it matches, in linear time', async () => {
    document.body.innerHTML = '<main>7770142</main>';
    const reading = await readTab(TAB_ID, { rules: [BACKTRACKING_RULE] });
    expect(reading.serviceOrder[0]).toEqual({
      value: '7770142',
      source: 'site-rule',
      context: 'https://tos.brightwater.example/*',
    });
  });

  it('runs a rule’s regex with RE2 on the text the reader hands back, ranked before the page', async () => {
    document.body.innerHTML =
      '<dl><dt>Service order</dt><dd>7770001</dd></dl><p class="notes">Seal 7770002 checked, LRN 24nllrn0000009</p>';
    const reading = await readTab(TAB_ID, {
      rules: [
        {
          urlPattern: 'tos.brightwater.example',
          serviceOrder: { selector: '.notes', regex: '(?i)seal (\\d+)' },
          lrn: { regex: 'LRN\\s+(\\w+)' },
        },
      ],
    });
    expect(sources(reading)).toEqual([
      ['7770002', 'site-rule'],
      ['7770001', 'page'],
    ]);
    expect(reading.lrn[0]).toMatchObject({ value: '24NLLRN0000009', source: 'site-rule' });
  });

  it('takes a no-break space in the page text as the space RE2’s \\s is', async () => {
    document.body.innerHTML = '<p>Order&nbsp;7770003 open</p>';
    const reading = await readTab(TAB_ID, {
      rules: [{ urlPattern: 'tos.brightwater.example', serviceOrder: { regex: 'Order\\s(\\d+)' } }],
    });
    expect(sources(reading)).toEqual([['7770003', 'site-rule']]);
  });

  it('runs a regex on the first 200,000 characters of a log of megabytes', async () => {
    loadScreen('gate-log.html');
    const log = document.getElementById('gate-log');
    if (log) log.textContent = `${'SO 7770142 gate in\n'.repeat(200_000)}SO 7770999 gate out\n`;
    const reading = await readTab(TAB_ID, {
      rules: [
        { urlPattern: 'tos.brightwater.example', serviceOrder: { regex: 'SO (\\d+) gate out' } },
        { urlPattern: 'tos.brightwater.example', serviceOrder: { selector: 'pre', regex: '(\\d+) gate in' } },
      ],
    });
    expect(sources(reading)).toEqual([['7770142', 'site-rule']]);
  });

  it('keeps the built-in reading when a rule cannot be used by RE2', async () => {
    document.body.innerHTML = '<dl><dt>Service order</dt><dd>7770001</dd></dl><p>Order 7770002</p>';
    const reading = await readTab(TAB_ID, {
      rules: [{ urlPattern: 'tos.brightwater.example', serviceOrder: { regex: '(?<=Order )(\\d+)' } }],
    });
    expect(sources(reading)).toEqual([['7770001', 'page']]);
  });

  it('reads nothing from a tab it may not script', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents'));
    expect(await readTab(TAB_ID, { rules: [BACKTRACKING_RULE] })).toEqual({ serviceOrder: [], lrn: [] });
  });
});

describe('loading RE2', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('happens only when a rule has a regex to run', async () => {
    const loaded = vi.fn();
    vi.doMock('@/lib/page/rule-regex', async (importOriginal) => {
      loaded();
      return importOriginal();
    });
    const { readTab: readTabAfresh } = await import('@/lib/read-tab');
    document.body.innerHTML = '<div id="so">7770005</div>';
    const bySelector = await readTabAfresh(TAB_ID, {
      rules: [{ urlPattern: 'tos.brightwater.example', serviceOrder: { selector: '#so' } }],
    });
    expect(sources(bySelector)).toEqual([['7770005', 'site-rule']]);
    expect(loaded).not.toHaveBeenCalled();
    const byRegex = await readTabAfresh(TAB_ID, {
      rules: [{ urlPattern: 'tos.brightwater.example', serviceOrder: { regex: '(\\d+)' } }],
    });
    expect(sources(byRegex)).toEqual([['7770005', 'site-rule']]);
    expect(loaded).toHaveBeenCalledOnce();
    vi.doUnmock('@/lib/page/rule-regex');
  });

  it('failing leaves the built-in reading as it is', async () => {
    vi.doMock('@/lib/page/rule-regex', () => {
      throw new Error('chunk failed to load');
    });
    const { readTab: readTabAfresh } = await import('@/lib/read-tab');
    document.body.innerHTML = '<dl><dt>Service order</dt><dd>7770001</dd></dl><div id="so">7770005</div>';
    const reading = await readTabAfresh(TAB_ID, {
      rules: [
        { urlPattern: 'tos.brightwater.example', serviceOrder: { regex: 'Order (\\d+)' } },
        { urlPattern: 'tos.brightwater.example', serviceOrder: { selector: '#so' } },
      ],
    });
    expect(sources(reading)).toEqual([['7770001', 'page']]);
    vi.doUnmock('@/lib/page/rule-regex');
  });
});
