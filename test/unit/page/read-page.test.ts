// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFrame } from '@/lib/page/read-frame';
import { readPage } from '@/lib/page/read-page';
import { findByRules } from '@/lib/page/site-rules';
import type { PageReading } from '@/lib/page/types';
import { readingOfFrames } from '@/lib/read-tab';

const URL_WITHOUT_VALUES = 'https://tos.example.com/app/screen';

/** The built-in reading of a page whose body is `html` (no page rules). */
function read(html: string, input: { url?: string; title?: string; selection?: string } = {}): PageReading {
  document.title = input.title ?? '';
  document.body.innerHTML = html;
  return readPage({ document, url: input.url ?? URL_WITHOUT_VALUES, selection: input.selection });
}

function values(reading: PageReading) {
  return { serviceOrder: reading.serviceOrder.map((c) => c.value), lrn: reading.lrn.map((c) => c.value) };
}

const best = (reading: PageReading) => ({
  serviceOrder: reading.serviceOrder[0]?.value,
  lrn: reading.lrn[0]?.value,
});

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('labels beside their values', () => {
  it.each([
    ['<table><tr><th>Service order</th><td>7770142</td></tr></table>'],
    ['<table><tr><td>Service order</td><td>7770142</td></tr></table>'],
    ['<dl><dt>Service order:</dt><dd>7770142</dd></dl>'],
    ['<label for="so">Service order</label><input id="so" value="7770142">'],
    ['<label>Service order <input value="7770142"></label>'],
    [
      '<label for="so">Service order</label><select id="so"><option value="7770142" selected>7770142</option></select>',
    ],
    ['<label for="so">Service order</label><textarea id="so">7770142</textarea>'],
    ['<input aria-label="Service order" value="7770142">'],
    ['<span id="cap">Service order</span><div><input aria-labelledby="cap" value="7770142"></div>'],
    ['<input name="serviceOrder" value="7770142">'],
    ['<input name="service_order_no" value="7770142">'],
    ['<span aria-label="Service order">7770142</span>'],
    ['<p><b>Service order:</b> 7770142</p>'],
    ['<div><div><span>Service order</span></div><div>7770142</div></div>'],
    ['<p>Service order: 7770142</p>'],
    ['<p>Service order 7770142</p>'],
    ['<p>Service order #7770142</p>'],
    ['<p>SO 7770142</p>'],
    ['<p>SO-7770142</p>'],
    ['<p>SO#7770142</p>'],
    ['<p>Order no. 7770142</p>'],
    ['<div data-service-order="7770142"></div>'],
    ['<div data-serviceorder="7770142"></div>'],
    ['<div data-order-id="7770142"></div>'],
    ['<div data-so="7770142"></div>'],
  ])('finds the service order in %s', (html) => {
    expect(best(read(html)).serviceOrder).toBe('7770142');
  });

  it.each([
    'Service order',
    'Serviceorder',
    'Service order no.',
    'Service order number',
    'Service order nr',
    'Order no.',
    'Order number',
    'Ordernummer',
    'Serviceordernummer',
    'Auftragsnummer',
    'Auftrag Nr.',
    'N° de commande',
    'Numéro de commande',
    'Bon de commande',
  ])('takes "%s" as a service order label', (label) => {
    expect(best(read(`<dl><dt>${label}</dt><dd>7770142</dd></dl>`)).serviceOrder).toBe('7770142');
  });

  it.each([
    'LRN',
    'Local reference number',
    'Local Reference Number (LRN)',
    'Lokaal referentienummer',
    'Lokale Referenznummer',
    'Référence locale',
  ])('takes "%s" as an LRN label, and upper-cases the LRN', (label) => {
    expect(best(read(`<dl><dt>${label}</dt><dd>24nllrn0004471</dd></dl>`)).lrn).toBe('24NLLRN0004471');
  });

  it.each([
    'Purchase order no.',
    'Sales order',
    'Transport order',
    'Customer order number',
    'Invoice no.',
    'Customer no.',
    'Tank',
    'Berth',
    'Quantity',
    'Order',
    'MRN',
  ])('takes nothing beside "%s"', (label) => {
    expect(values(read(`<dl><dt>${label}</dt><dd>7770142</dd></dl><p>${label} 24NLLRN0004471</p>`))).toEqual({
      serviceOrder: [],
      lrn: [],
    });
  });

  it('takes "SO" only in capitals: "so" is a word', () => {
    expect(values(read('<p>So 2024 ended well, so 7770142 it is.</p>')).serviceOrder).toEqual([]);
  });

  it('ignores text that is not shown: scripts, styles, templates, hidden elements', () => {
    const reading = read(
      '<script>var text = "Service order: 7770142";</script><style>/* LRN 24NLLRN0004471 */</style>' +
        '<template><p>Service order 7770143</p></template><div hidden>Service order 7770144</div>',
    );
    expect(values(reading)).toEqual({ serviceOrder: [], lrn: [] });
  });
});

describe('look-alikes', () => {
  it.each([
    ['a date', '2024-11-28'],
    ['a date', '28-11-2024'],
    ['a date', '28.11.2024'],
    ['a date', '28/11/2024'],
    ['an amount', '€ 12.450,00'],
    ['an amount', '12,450.00 EUR'],
    ['an amount', '1 250,50'],
    ['a phone number', '+31 10 123 4567'],
    ['a phone number', '010-1234567'],
    ['a time', '14:27'],
    ['a container number', 'MSCU1234565'],
    ['a container number', 'MSCU 123456 5'],
    ['an MRN', '24NL000000000045J5'],
  ])('does not take %s (%s) even beside a service order label', (_kind, text) => {
    expect(
      values(read(`<dl><dt>Service order</dt><dd>${text}</dd></dl><p>Service order ${text}</p>`)),
    ).toEqual({
      serviceOrder: [],
      lrn: [],
    });
  });

  it('does not take a valid MRN or a container number as the LRN, even beside the LRN label', () => {
    expect(
      values(read('<dl><dt>LRN</dt><dd>24NL000000000045J5</dd></dl><p>LRN MSCU1234565</p>')).lrn,
    ).toEqual([]);
  });

  it('takes an 18-character LRN whose last character is not an MRN check digit', () => {
    expect(best(read('<dl><dt>LRN</dt><dd>24NL000000000045J4</dd></dl>')).lrn).toBe('24NL000000000045J4');
  });

  it('reads the LRN beside its label, not the MRN beside it', () => {
    const reading = read(
      '<table><tr><th>LRN</th><td>BE24ATP0000123456</td><th>MRN</th><td>24BE000000123456J8</td></tr></table>' +
        '<p>MRN 24BE000000123456J8 for LRN BE24ATP0000123456</p>',
    );
    expect(values(reading).lrn).toEqual(['BE24ATP0000123456']);
  });
});

describe('grids', () => {
  const header = '<thead><tr><th>Service order</th><th>LRN</th><th>Status</th></tr></thead>';
  const row = (serviceOrder: string, attributes = '', checkbox = '') =>
    `<tr${attributes}><td>${serviceOrder}</td><td>24NLLRN${serviceOrder}</td><td>${checkbox}Open</td></tr>`;

  it('reads the selected row', () => {
    const reading = read(
      `<table>${header}<tbody>${row('7770001')}${row('7770002', ' aria-selected="true"')}${row('7770003')}</tbody></table>`,
    );
    expect(best(reading)).toEqual({ serviceOrder: '7770002', lrn: '24NLLRN7770002' });
    expect(reading.serviceOrder[0]).toMatchObject({ context: 'Service order', row: 'selected' });
  });

  it.each([
    ['a "selected" class', ' class="row selected"'],
    ['an "active" class', ' class="is-active"'],
    ['a "highlight" class', ' class="x-grid-row-highlight"'],
  ])('reads the row marked by %s', (_kind, attributes) => {
    const rows = `${row('7770001', ' class="inactive"')}${row('7770002', attributes)}${row('7770003', ' class="unselected"')}`;
    expect(best(read(`<table>${header}<tbody>${rows}</tbody></table>`)).serviceOrder).toBe('7770002');
  });

  it('reads the row with a ticked checkbox', () => {
    const rows = `${row('7770001', '', '<input type="checkbox">')}${row('7770002', '', '<input type="checkbox" checked>')}`;
    expect(best(read(`<table>${header}<tbody>${rows}</tbody></table>`)).serviceOrder).toBe('7770002');
  });

  it('reads the row that has the focus', () => {
    read(
      `<table>${header}<tbody>${row('7770001')}${row('7770002', '', '<button>Open</button>')}</tbody></table>`,
    );
    document.querySelector('button')?.focus();
    expect(best(readPage({ document, url: URL_WITHOUT_VALUES })).serviceOrder).toBe('7770002');
  });

  it('reads the only row', () => {
    expect(best(read(`<table>${header}<tbody>${row('7770001')}</tbody></table>`))).toEqual({
      serviceOrder: '7770001',
      lrn: '24NLLRN7770001',
    });
  });

  it('offers each row when several rows and none is selected, in their order, at most 8', () => {
    const rows = Array.from({ length: 12 }, (_, index) => row(String(7770001 + index))).join('');
    const reading = read(`<table>${header}<tbody>${rows}</tbody></table>`);
    expect(values(reading).serviceOrder).toEqual(
      Array.from({ length: 8 }, (_, index) => String(7770001 + index)),
    );
    expect(reading.serviceOrder).toContainEqual(
      expect.objectContaining({ context: 'Service order', row: 2 }),
    );
  });

  it('reads a header row of plain cells', () => {
    const reading = read(
      '<table><tr><td>Service order</td><td>Customer</td></tr><tr><td>7770001</td><td>Delta</td></tr></table>',
    );
    expect(best(reading).serviceOrder).toBe('7770001');
  });

  it('reads an ARIA grid by column position', () => {
    const reading = read(
      '<div role="grid"><div role="row"><div role="columnheader">Customer</div><div role="columnheader">Service order</div></div>' +
        '<div role="row"><div role="gridcell">Delta</div><div role="gridcell">7770001</div></div>' +
        '<div role="row" aria-selected="true"><div role="gridcell">Rhine</div><div role="gridcell">7770002</div></div></div>',
    );
    expect(values(reading).serviceOrder).toEqual(['7770002']);
  });

  it('does not take values from a grid whose columns name other things', () => {
    const reading = read(
      '<table><thead><tr><th>Invoice no.</th><th>Tank</th></tr></thead><tbody><tr><td>7770001</td><td>12</td></tr></tbody></table>',
    );
    expect(values(reading)).toEqual({ serviceOrder: [], lrn: [] });
  });
});

describe('the URL and the title', () => {
  it.each([
    ['https://tos.example.com/screen?serviceOrder=7770142', '?serviceOrder='],
    ['https://tos.example.com/screen?serviceorder=7770142', '?serviceorder='],
    ['https://tos.example.com/screen?so=7770142', '?so='],
    ['https://tos.example.com/screen?orderId=7770142', '?orderId='],
    ['https://tos.example.com/screen?order=7770142', '?order='],
    ['https://tos.example.com/service-orders/7770142', '/service-orders/'],
    ['https://tos.example.com/serviceorders/7770142/lines', '/serviceorders/'],
    ['https://tos.example.com/orders/7770142', '/orders/'],
    ['https://tos.example.com/so/7770142', '/so/'],
    ['https://tos.example.com/app/#/orders/7770142', '/orders/'],
  ])('reads the service order from %s', (url, context) => {
    expect(read('', { url }).serviceOrder).toEqual([{ value: '7770142', source: 'url', context }]);
  });

  it('reads the LRN from ?lrn=, upper-cased', () => {
    expect(read('', { url: 'https://tos.example.com/x?lrn=24nllrn0004471' }).lrn).toEqual([
      { value: '24NLLRN0004471', source: 'url', context: '?lrn=' },
    ]);
  });

  it('does not read other paths and parameters', () => {
    const reading = read('', {
      url: 'https://tos.example.com/purchase-orders/7770142?invoice=7770143&orders=list',
    });
    expect(values(reading)).toEqual({ serviceOrder: [], lrn: [] });
  });

  it.each([
    ['Service order 7770142 · Brightwater TOS', 'Service order'],
    ['SO 7770142 – Brightwater TOS', 'SO'],
  ])('reads the title "%s", by its label %j', (title, label) => {
    expect(read('', { title }).serviceOrder).toEqual([{ value: '7770142', source: 'title', context: label }]);
  });
});

describe('priority', () => {
  it('ranks selection, site rule, page, URL, title; each value once, with its best source', async () => {
    document.title = 'Service order 5550001 · TOS';
    document.body.innerHTML = '<dl><dt>Service order</dt><dd>5550002</dd></dl><div id="rule">5550003</div>';
    const url = 'https://tos.example.com/orders/5550004?so=5550002';
    const frame = readFrame({ document, url, selection: 'SO 5550005' });
    const rules = findByRules(document, url, [
      { urlPattern: 'tos.example.com', serviceOrder: { selector: '#rule' } },
    ]);
    const reading = await readingOfFrames([frame], [rules]);
    expect(reading.serviceOrder.map(({ value, source }) => [value, source])).toEqual([
      ['5550005', 'selection'],
      ['5550003', 'site-rule'],
      ['5550002', 'page'],
      ['5550004', 'url'],
      ['5550001', 'title'],
    ]);
  });

  it('ranks data attributes, then labelled values in page order, then values in running text', () => {
    const reading = read(
      '<p>Replaces service order 5550009.</p><dl><dt>Service order</dt><dd>5550002</dd></dl>' +
        '<input aria-label="Service order" value="5550003"><div data-service-order="5550001"></div>',
    );
    expect(values(reading).serviceOrder).toEqual(['5550001', '5550002', '5550003', '5550009']);
  });

  it('keeps at most 8 candidates of each, without duplicates', () => {
    const pairs = Array.from(
      { length: 12 },
      (_, index) => `<dt>Service order</dt><dd>${5550001 + (index % 10)}</dd>`,
    );
    const reading = read(`<dl>${pairs.join('')}</dl>`);
    expect(values(reading).serviceOrder).toEqual(
      Array.from({ length: 8 }, (_, index) => String(5550001 + index)),
    );
  });
});

describe('page text is data', () => {
  it('keeps HTML in a value as literal text, which is not a value', () => {
    const reading = read('<dl><dt>Service order</dt><dd>&lt;b&gt;777&lt;/b&gt;</dd></dl>');
    expect(document.querySelector('dd')?.textContent).toBe('<b>777</b>');
    expect(values(reading).serviceOrder).toEqual([]);
    expect(document.querySelector('dd b')).toBeNull();
  });

  it('strips control characters around a value', () => {
    expect(best(read('<dl><dt>Service order</dt><dd>\u200b7770142\u0007</dd></dl>')).serviceOrder).toBe(
      '7770142',
    );
  });

  it('drops values that are too long instead of cutting them', () => {
    const reading = read(
      `<dl><dt>Service order</dt><dd>${'7'.repeat(21)}</dd><dt>LRN</dt><dd>${'A1'.repeat(12)}</dd></dl>` +
        `<p>Service order ${'7'.repeat(30)}</p><p>LRN ${'B2'.repeat(20)}</p><p>Service order ${'7'.repeat(200)}</p>`,
    );
    expect(values(reading)).toEqual({ serviceOrder: [], lrn: [] });
  });

  it('takes values at their longest: 20 characters for a service order, 22 for an LRN', () => {
    const reading = read(
      `<dl><dt>Service order</dt><dd>${'7'.repeat(20)}</dd><dt>LRN</dt><dd>${'A1'.repeat(11)}</dd></dl>`,
    );
    expect(best(reading)).toEqual({ serviceOrder: '7'.repeat(20), lrn: 'A1'.repeat(11) });
  });

  it('does not cut a number that goes on as a decimal or a date', () => {
    expect(values(read('<p>Service order 12.450,00</p><p>Order no. 2024.11.28</p>')).serviceOrder).toEqual(
      [],
    );
  });

  it('says where each value came from', () => {
    const reading = read(
      '<dl><dt>Ordernummer</dt><dd>7770142</dd></dl><div data-lrn="24NLLRN0004471"></div>',
    );
    expect(reading).toEqual({
      serviceOrder: [{ value: '7770142', source: 'page', context: 'Ordernummer' }],
      lrn: [{ value: '24NLLRN0004471', source: 'page', context: 'data-lrn' }],
    });
  });
});
