// @vitest-environment node
import { Browser, Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpSandbox, VALID_INCIDENT, VALID_TASK, waitFor } from './sandbox-client.js';

const sandbox = setUpSandbox();

async function fetchDocument(path: string): Promise<Document> {
  const response = await fetch(`${sandbox().url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const window = new Window({ url: `${sandbox().url}${path}` });
  window.document.write(await response.text());
  return window.document as unknown as Document;
}

/** Label → value pairs from `<dt>/<dd>` and `<th>/<td>`, as a simple page reader would find them. */
function labelledValues(document: Document): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const label of document.querySelectorAll('dt, th')) {
    const value = label.nextElementSibling;
    if (value !== null && ['DD', 'TD'].includes(value.tagName)) {
      pairs.set(label.textContent?.trim() ?? '', value.textContent?.trim() ?? '');
    }
  }
  return pairs;
}

describe('sandbox demo pages', () => {
  it('serves the service-order screen with its labelled values and data attributes', async () => {
    const document = await fetchDocument('/demo/service-order.html');
    expect(document.querySelector('h1')?.textContent).toBe('Service order 7770142');
    const values = labelledValues(document);
    expect(values.get('Service order')).toBe('7770142');
    expect(values.get('LRN')).toBe('24NLLRN0004471');
    for (const label of ['Customer', 'Product', 'Tank', 'Quantity (m³)', 'Start', 'Customs status']) {
      expect(values.get(label), label).toBeTruthy();
    }
    expect(document.querySelector('[data-service-order]')?.textContent).toBe('7770142');
    expect(document.querySelector('[data-service-order]')?.getAttribute('data-service-order')).toBe(
      '7770142',
    );
    expect(document.querySelector('[data-lrn]')?.getAttribute('data-lrn')).toBe('24NLLRN0004471');
    expect(document.body.textContent).toContain('MSCU1234565');
  });

  it('serves the customs declaration with LRN, MRN, service order and amount', async () => {
    const document = await fetchDocument('/demo/customs-declaration.html');
    const values = labelledValues(document);
    expect(values.get('LRN')).toBe('BE24ATP0000123456');
    expect(values.get('MRN')).toBe('24BE000000123456J7');
    expect(values.get('Service order')).toBe('7770143');
    expect(values.get('Amount')).toBe('€ 12.450,00');
    expect(values.get('Declarant')).toBeTruthy();
    expect(values.get('Goods')).toBeTruthy();
    expect(values.get('Date')).toBeTruthy();
    expect(document.querySelector('[data-lrn]')?.getAttribute('data-lrn')).toBe('BE24ATP0000123456');
    expect(document.querySelector('[data-service-order]')?.getAttribute('data-service-order')).toBe(
      '7770143',
    );
  });

  it('links both screens from the demo index, and redirects / and /demo there', async () => {
    const document = await fetchDocument('/demo/');
    const links = [...document.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining(['/demo/service-order.html', '/demo/customs-declaration.html']),
    );
    for (const path of ['/', '/demo']) {
      const response = await fetch(`${sandbox().url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/demo/');
    }
  });

  it('answers 404 for pages that do not exist', async () => {
    expect((await fetch(`${sandbox().url}/demo/nothing.html`)).status).toBe(404);
  });
});

describe('sandbox item page /app/', () => {
  const browser = new Browser({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  afterAll(() => browser.close());

  async function openItemPage(hash: string) {
    const page = browser.newPage();
    await page.goto(`${sandbox().url}/app/${hash}`);
    return page.mainFrame.document;
  }

  it('is served at /app/ and /app/index.html', async () => {
    for (const path of ['/app/', '/app/index.html']) {
      expect((await fetch(`${sandbox().url}${path}`)).status).toBe(200);
    }
  });

  it('shows a created item: title, details and tags, and names itself in the document title', async () => {
    const { access_token } = await sandbox().signIn();
    const created = await sandbox().addTask(
      {
        ...VALID_INCIDENT,
        status: 'DONE',
        priority: 'HIGH',
        lrn: '24NLLRN0004471',
        title: '<b>Not markup</b>',
      },
      access_token,
    );
    const { taskLink } = (await created.json()) as { taskLink: string };
    const document = await openItemPage(new URL(taskLink).hash);
    await waitFor(async () => document.querySelector('h1') !== null);

    expect(document.title).toBe('IMP-NLD-EXA-SWA-01 · BzCtrl sandbox');
    expect(document.querySelector('h1')?.textContent).toBe('<b>Not markup</b>');
    expect(document.querySelector('h1 b')).toBeNull();
    const values = labelledValues(document as unknown as Document);
    expect(Object.fromEntries(values)).toMatchObject({
      Type: 'INCIDENT',
      Workspace: 'IMP-NLD-EXA-SWA',
      Status: 'DONE',
      'Due date': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      Priority: 'HIGH',
      Assignee: VALID_INCIDENT.assignee,
      Reporter: VALID_INCIDENT.reporter,
      'Service order': '7770142',
      LRN: '24NLLRN0004471',
    });
    const tags = [...document.querySelectorAll('[data-field="tags"] .tag')].map((tag) => tag.textContent);
    expect(tags).toEqual(['SO 7770142', 'LRN 24NLLRN0004471']);
  });

  it('leaves out the due date when the item is not DONE', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(VALID_TASK, access_token);
    const document = await openItemPage('#/todo/VTT-NLD-TML-FIN-01');
    await waitFor(async () => document.querySelector('h1') !== null);
    expect(labelledValues(document as unknown as Document).has('Due date')).toBe(false);
  });

  it('says so when the item is unknown', async () => {
    const document = await openItemPage('#/todo/IMP-NLD-EXA-SWA-99');
    const shown = () => document.querySelector('main')?.textContent?.trim();
    await waitFor(async () => shown() !== 'Loading…');
    expect(shown()).toBe('No item IMP-NLD-EXA-SWA-99 in this sandbox');
    expect(document.title).toBe('IMP-NLD-EXA-SWA-99 · BzCtrl sandbox');
  });
});
