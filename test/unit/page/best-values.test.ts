// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"disableCSSFileLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
// The demo pages link a stylesheet: count it as loaded rather than log an error for it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read-page';
import { cleanText } from '@/lib/page/values';

// node:path, not URL: under happy-dom the global URL is the DOM's, which node:fs does not take.
const DEMO_PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../../sandbox/pages/demo');

/** The best service order and LRN the reader finds, as the form takes them. */
function readPageValues(page: Document): { serviceOrder?: string; lrn?: string } {
  const reading = readPage({ document: page, url: 'https://tos.example.com/' });
  const [serviceOrder, lrn] = [reading.serviceOrder[0]?.value, reading.lrn[0]?.value];
  return { ...(serviceOrder ? { serviceOrder } : {}), ...(lrn ? { lrn } : {}) };
}

/** The values the reader finds in a page whose body is `html`. */
function read(html: string) {
  document.body.innerHTML = html;
  return readPageValues(document);
}

/** A demo page of the sandbox, parsed as the browser would. */
function demoPage(name: string): Document {
  const path = join(DEMO_PAGES, name);
  if (!existsSync(path)) throw new Error(`demo page missing: ${path}`);
  return new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the best values of readPage', () => {
  it('reads a <dt>/<dd> pair', () => {
    expect(
      read('<dl><dt>Service order</dt><dd>7770142</dd><dt>LRN</dt><dd>24NLLRN0004471</dd></dl>'),
    ).toEqual({
      serviceOrder: '7770142',
      lrn: '24NLLRN0004471',
    });
  });

  it('reads a <th>/<td> row', () => {
    expect(
      read(
        '<table><tr><th>Service order no.</th><td> 7770143 </td></tr><tr><th>LRN:</th><td>BE24ATP0000123456</td></tr></table>',
      ),
    ).toEqual({ serviceOrder: '7770143', lrn: 'BE24ATP0000123456' });
  });

  it('reads an input through its <label for>', () => {
    const values = read(
      '<label for="so">Service order</label><span>…</span><input id="so" value="7770142">' +
        '<label for="lrn">Local reference number</label><input id="lrn" value="24nllrn0004471">',
    );
    expect(values).toEqual({ serviceOrder: '7770142', lrn: '24NLLRN0004471' });
  });

  it('reads the data-service-order and data-lrn attributes before any label', () => {
    const values = read(
      '<dl><dt>Service order</dt><dd>1111111</dd></dl>' +
        '<div data-service-order="7770142"></div><span data-lrn="24NLLRN0004471">shown otherwise</span>',
    );
    expect(values).toEqual({ serviceOrder: '7770142', lrn: '24NLLRN0004471' });
  });

  it('reads the text of an element whose data attribute is empty', () => {
    expect(read('<span data-service-order>7770142</span>')).toEqual({ serviceOrder: '7770142' });
  });

  it('finds nothing on a page without the labels', () => {
    expect(read('<h1>7770142</h1><p>24NLLRN0004471</p>')).toEqual({});
  });

  // Was "finds nothing" before the reader read running text: labels in a heading now count.
  it('reads a label and its value in running text', () => {
    expect(read('<h1>Service order 7770142</h1><p>LRN 24NLLRN0004471</p>')).toEqual({
      serviceOrder: '7770142',
      lrn: '24NLLRN0004471',
    });
  });

  it('keeps HTML in a value as text and drops it for failing the format', () => {
    const values = read(
      '<dl><dt>Service order</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd><dt>LRN</dt><dd>&lt;b&gt;</dd></dl>',
    );
    expect(values).toEqual({});
    expect(document.querySelector('script, b')).toBeNull();
  });

  it('drops an LRN that is not 1–22 letters and digits', () => {
    expect(read('<dl><dt>LRN</dt><dd>24NL-LRN</dd></dl>')).toEqual({});
    expect(read(`<dl><dt>LRN</dt><dd>${'A'.repeat(23)}</dd></dl>`)).toEqual({});
  });

  it('does not change the page it reads', () => {
    document.body.innerHTML =
      '<dl><dt>Service order</dt><dd>7770142</dd></dl><input data-lrn value="24NLLRN0004471">';
    const before = document.documentElement.outerHTML;
    readPageValues(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  // A list table labels columns, not rows: a header cell is not the value of the one before it.
  it('does not take a column header as the value of the header before it', () => {
    const values = read(
      '<table><thead><tr><th>Service order</th><th>LRN</th></tr></thead>' +
        '<tbody><tr><td>7770142</td><td>24NLLRN0004471</td></tr></tbody></table>',
    );
    // Reading down the column or not reading at all are both fine; the header text "LRN" is not.
    expect([undefined, '7770142']).toContain(values.serviceOrder);
  });
});

describe('cleanText', () => {
  it('turns control and invisible characters into spaces and trims', () => {
    expect(cleanText('\u0000 7770\u0007142\u200b\n\t')).toBe('7770 142');
    expect(cleanText('a\u202eb\ufeffc\u2028d')).toBe('a b c d');
  });

  it('collapses runs of white space', () => {
    expect(cleanText('  Service \n\n  order  ')).toBe('Service order');
  });

  it('drops text longer than 64 characters instead of cutting it into a value', () => {
    expect(cleanText('7'.repeat(64))).toBe('7'.repeat(64));
    expect(cleanText('7'.repeat(65))).toBe('');
    expect(cleanText('7'.repeat(100_000))).toBe('');
  });

  it('gives "" for null and undefined', () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });
});

describe('the sandbox demo pages', () => {
  it('finds service order 7770142 and LRN 24NLLRN0004471 on service-order.html', () => {
    expect(readPageValues(demoPage('service-order.html'))).toEqual({
      serviceOrder: '7770142',
      lrn: '24NLLRN0004471',
    });
  });

  it('finds service order 7770143 and LRN BE24ATP0000123456 on customs-declaration.html', () => {
    expect(readPageValues(demoPage('customs-declaration.html'))).toEqual({
      serviceOrder: '7770143',
      lrn: 'BE24ATP0000123456',
    });
  });

  // The labels alone must do, for screens that carry no data attributes.
  it.each([
    ['service-order.html', { serviceOrder: '7770142', lrn: '24NLLRN0004471' }],
    ['customs-declaration.html', { serviceOrder: '7770143', lrn: 'BE24ATP0000123456' }],
  ])('finds the same values on %s by its labels alone', (name, expected) => {
    const page = demoPage(name);
    for (const element of page.querySelectorAll('[data-service-order], [data-lrn]')) {
      element.removeAttribute('data-service-order');
      element.removeAttribute('data-lrn');
    }
    expect(page.querySelector('[data-service-order], [data-lrn]')).toBeNull();
    expect(readPageValues(page)).toEqual(expected);
  });
});
