// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"disableJavaScriptEvaluation": true, "disableIframePageLoading": true, "disableCSSFileLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
// The fixture screens are data: their scripts never run here, their frames and stylesheets never load.
import nodeConsole from 'node:console';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFrameWhenReady } from '@/lib/page/read-frame';
import { readPage } from '@/lib/page/read-page';
import type { PageReading } from '@/lib/page/types';
import { attachDeclarativeShadowRoots } from './declarative-shadow-dom';

// node:path, not URL: under happy-dom the global URL is the DOM's, which node:fs does not take.
const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

interface PageExpectation {
  url: string;
  selection?: string;
  /** The element whose text the operator selected (`selection`), when it matters where it stands. */
  selectionIn?: string;
  serviceOrder: string | null;
  lrn: string | null;
  serviceOrderCandidates?: string[];
  /** The page's own script renders its values this many milliseconds after load. */
  lateMs?: number;
}

const expectations: Record<string, PageExpectation> = JSON.parse(
  readFileSync(join(PAGES, 'expectations.json'), 'utf8'),
);

function html(name: string): string {
  return readFileSync(join(PAGES, name), 'utf8');
}

function parse(name: string): Document {
  // happy-dom reports each frame it is told not to load as an error, on the console it was
  // started with (Node's own, not the test's): expected here, so kept out of the output.
  const frameLoadReport = vi.spyOn(nodeConsole, 'error').mockImplementation(() => undefined);
  try {
    const page = new DOMParser().parseFromString(html(name), 'text/html');
    attachDeclarativeShadowRoots(page);
    // happy-dom's parser does not choose an option marked `selected` (a browser's does): done here.
    for (const option of page.querySelectorAll<HTMLOptionElement>('option[selected]')) option.selected = true;
    return page;
  } finally {
    frameLoadReport.mockRestore();
  }
}

function best(reading: PageReading) {
  return { serviceOrder: reading.serviceOrder[0]?.value ?? null, lrn: reading.lrn[0]?.value ?? null };
}

function expectationOf(name: string): PageExpectation {
  const expectation = expectations[name];
  if (!expectation) throw new Error(`no expectation for ${name}`);
  return expectation;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the fixture screens', () => {
  it('has an expectation for every screen and a screen for every expectation', () => {
    const screens = readdirSync(PAGES).filter((name) => name.endsWith('.html'));
    expect(screens.length).toBeGreaterThanOrEqual(18);
    expect(Object.keys(expectations).sort()).toEqual(screens.sort());
  });

  const onTime = Object.entries(expectations).filter(([, expectation]) => expectation.lateMs === undefined);
  it.each(onTime)('reads %s', (name, expectation) => {
    const page = parse(name);
    const selected = expectation.selectionIn ? page.querySelector(expectation.selectionIn) : undefined;
    if (expectation.selectionIn && !selected)
      throw new Error(`${name}: nothing at ${expectation.selectionIn}`);
    const reading = readPage({
      document: page,
      url: expectation.url,
      selection: expectation.selection,
      selectionNode: selected?.firstChild ?? selected ?? undefined,
    });
    expect(best(reading)).toEqual({ serviceOrder: expectation.serviceOrder, lrn: expectation.lrn });
    if (expectation.serviceOrderCandidates) {
      expect(reading.serviceOrder.map((candidate) => candidate.value)).toEqual(
        expectation.serviceOrderCandidates,
      );
    }
  });

  it('reads the framed screen in its own frame, and nothing in the page around it', () => {
    const parent = parse('iframe-parent.html');
    expect(parent.querySelector('iframe')?.getAttribute('src')).toBe('iframe-order.html');
    expect(expectationOf('iframe-parent.html')).toMatchObject({ serviceOrder: null, lrn: null });
    expect(expectationOf('iframe-order.html').serviceOrder).not.toBeNull();
  });

  it('leaves every screen as it found it', () => {
    for (const name of Object.keys(expectations)) {
      const page = parse(name);
      const before = page.documentElement.outerHTML;
      readPage({ document: page, url: expectationOf(name).url });
      expect(page.documentElement.outerHTML).toBe(before);
    }
  });
});

describe('late-rendering.html', () => {
  const name = 'late-rendering.html';

  /** Loads the screen into the live document and does what its own script does, on a timer. */
  function loadLatePage(lateMs: number): void {
    document.documentElement.innerHTML = parse(name).documentElement.innerHTML;
    const script = document.querySelector<HTMLScriptElement>('script[data-late-template]');
    const template = document.getElementById(script?.dataset.lateTemplate ?? '');
    const target = document.getElementById(script?.dataset.lateTarget ?? '');
    if (!(template instanceof HTMLTemplateElement) || !target) throw new Error('late page markup changed');
    setTimeout(() => target.replaceChildren(template.content.cloneNode(true)), lateMs);
  }

  it('shows nothing before its script has run', () => {
    const expectation = expectationOf(name);
    expect(best(readPage({ document: parse(name), url: expectation.url }))).toEqual({
      serviceOrder: null,
      lrn: null,
    });
  });

  it('is read as soon as its values appear, before the timeout', async () => {
    vi.useFakeTimers();
    const expectation = expectationOf(name);
    const lateMs = expectation.lateMs ?? 0;
    expect(lateMs).toBe(300);
    loadLatePage(lateMs);
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    let settled = false;
    const reading = readFrameWhenReady({ document, url: expectation.url }, { timeoutMs: 1000 }).finally(
      () => {
        settled = true;
      },
    );
    await vi.advanceTimersByTimeAsync(lateMs - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(best(await reading)).toEqual({ serviceOrder: expectation.serviceOrder, lrn: expectation.lrn });
    expect(disconnect).toHaveBeenCalled();
  });

  it('gives up at the timeout with nothing found when the values come too late', async () => {
    vi.useFakeTimers();
    const expectation = expectationOf(name);
    loadLatePage(5000);
    let settled = false;
    const reading = readFrameWhenReady({ document, url: expectation.url }, { timeoutMs: 250 }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await reading).toEqual({
      serviceOrder: [],
      lrn: [],
      url: expectation.url,
      title: 'Order details · Brightwater TOS',
    });
  });
});
