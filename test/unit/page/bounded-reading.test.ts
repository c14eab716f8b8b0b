// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"disableJavaScriptEvaluation": true}}
// Pages of any size are read, within bounds: only the first 32 kB of any text is looked at, so a
// text node of megabytes costs what a screen does (`npm run bench` measures it; no test times it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read-page';
import type { PageReading } from '@/lib/page/types';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');
const URL_WITHOUT_VALUES = 'https://tos.brightwater.example/gate/log';
const LOG_LINE = 'SO 7770142 gate in\n';

const read = () => readPage({ document, url: URL_WITHOUT_VALUES });

function values(reading: PageReading) {
  return { serviceOrder: reading.serviceOrder.map((c) => c.value), lrn: reading.lrn.map((c) => c.value) };
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('a log of 200,000 lines in one <pre>', () => {
  it('gives its service order, parsed from HTML', () => {
    document.body.innerHTML = `<main><h1>Gate log</h1><pre>${LOG_LINE.repeat(200_000)}</pre></main>`;
    expect(document.querySelector('pre')?.firstChild?.textContent).toHaveLength(LOG_LINE.length * 200_000);
    expect(values(read())).toEqual({ serviceOrder: ['7770142'], lrn: [] });
  });

  it('gives its service order, as test/fixtures/pages/gate-log.html writes it', () => {
    const page = new DOMParser().parseFromString(
      readFileSync(join(PAGES, 'gate-log.html'), 'utf8'),
      'text/html',
    );
    document.documentElement.innerHTML = page.documentElement.innerHTML;
    // What the screen's own script does: the whole log as one text node.
    const script = document.querySelector<HTMLScriptElement>('script[data-log-target]');
    const log = document.getElementById(script?.dataset.logTarget ?? '');
    if (!script || !log) throw new Error('gate-log.html markup changed');
    log.textContent = `${script.dataset.logLine}\n`.repeat(Number(script.dataset.logLines));
    expect(log.textContent).toHaveLength(LOG_LINE.length * 200_000);
    expect(read().serviceOrder[0]).toEqual({ value: '7770142', source: 'page' });
  });
});

describe('every text is read up to a bound', () => {
  it('looks at the first 32 kB of a text node: a label beyond them is not read', () => {
    const filler = 'Discharge continued as planned. '.repeat(1_100); // 35,200 characters
    document.body.innerHTML = `<pre>SO 7770141 first\n${filler}SO 7770142 later</pre>`;
    expect(values(read()).serviceOrder).toEqual(['7770141']);
  });

  it('reads a value whose label ends right at the bound', () => {
    const filler = 'x'.repeat(32_768 - 'SO'.length - 1);
    document.body.innerHTML = `<pre>${filler} SO 7770142 gate in</pre>`;
    expect(values(read()).serviceOrder).toEqual(['7770142']);
  });

  it('reads a page of many log nodes', () => {
    document.body.innerHTML = Array.from({ length: 20 }, () => `<pre>${LOG_LINE.repeat(10_000)}</pre>`).join(
      '',
    );
    expect(values(read())).toEqual({ serviceOrder: ['7770142'], lrn: [] });
  });

  it('reads a title, an aria-label and an address of megabytes, up to their bounds', () => {
    const lines = LOG_LINE.repeat(100_000);
    document.title = `Gate log ${lines}`;
    document.body.innerHTML = `<div aria-label="Gate log ${lines}"></div>`;
    // Only the first 8,192 characters of an address are read: so=7770143 lies beyond them.
    const hugeUrl = `https://tos.brightwater.example/gate?${'q=1&'.repeat(500_000)}so=7770143`;
    const readHuge = () => readPage({ document, url: hugeUrl });
    expect(values(readHuge())).toEqual({ serviceOrder: ['7770142'], lrn: [] });
  });

  it('keeps each value of running text once, and reads on for different ones', () => {
    const repeats = '<li>SO 7770142 gate in</li>'.repeat(20);
    document.body.innerHTML = `<ul>${repeats}<li>SO 7770143 gate out</li><li>SO 7770144 weighed</li></ul>`;
    expect(values(read()).serviceOrder).toEqual(['7770142', '7770143', '7770144']);
  });
});

describe('what the reader copies and looks at on a large page', () => {
  /** Counts reads of textContent on `element` itself (its descendants are not counted). */
  function countTextReads(element: Element): () => number {
    let reads = 0;
    const inherited = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
    Object.defineProperty(element, 'textContent', {
      configurable: true,
      get() {
        reads++;
        return inherited?.get?.call(this);
      },
    });
    return () => reads;
  }

  it('never copies the text of a container that is one of few, such as the main of a log screen', () => {
    document.body.innerHTML =
      '<header><a href="/">Overview</a><a href="/gate">Gate</a><span>j.devries</span></header>' +
      `<main><h1>Gate log</h1><nav><a>1</a><a>2</a><a>3</a></nav><pre>${LOG_LINE.repeat(50_000)}</pre></main>` +
      '<footer><span>Brightwater</span><span>Botlek</span><span>+31</span></footer>';
    const mainReads = countTextReads(document.querySelector('main') as Element);
    const bodyReads = countTextReads(document.body);
    expect(values(read())).toEqual({ serviceOrder: ['7770142'], lrn: [] });
    expect(mainReads()).toBe(0);
    expect(bodyReads()).toBe(0);
  });

  it('still passes over whole panels of a long list that hold no label, testing each once', () => {
    const panel = (index: number) =>
      `<section><h2>Movement ${index}</h2><dl><dt>Tank</dt><dd>T-${index}</dd></dl><p>Sampled</p></section>`;
    const panels = Array.from({ length: 40 }, (_, index) => panel(index));
    document.body.innerHTML = `<main>${panels.join('')}<dl><dt>Service order</dt><dd>7770142</dd></dl></main>`;
    const firstPanel = document.querySelector('section') as Element;
    const panelReads = countTextReads(firstPanel);
    const headingReads = countTextReads(firstPanel.querySelector('h2') as Element);
    expect(values(read()).serviceOrder).toEqual(['7770142']);
    expect(panelReads()).toBe(1);
    expect(headingReads()).toBe(0);
  });

  it('finds the one named control among many unnamed ones, by name and by id', () => {
    const checkboxes = '<input type="checkbox">'.repeat(600);
    document.body.innerHTML =
      `<form>${checkboxes}<input name="lrn" value="24NLLRN0004471">` +
      `<input id="serviceOrder" value="7770142">${checkboxes}</form>`;
    expect(values(read())).toEqual({ serviceOrder: ['7770142'], lrn: ['24NLLRN0004471'] });
  });
});
