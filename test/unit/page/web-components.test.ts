// @vitest-environment happy-dom
// Open shadow roots read like the page itself: nested ones, slotted content, grids inside a
// component and rows placed into one; closed shadow roots are out of reach.
import { beforeEach, describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read-page';
import { attachDeclarativeShadowRoots } from './declarative-shadow-dom';

const URL = 'https://tos.example.com/app';

function read(html: string) {
  document.body.innerHTML = html;
  attachDeclarativeShadowRoots(document);
  const reading = readPage({ document, url: URL });
  return { serviceOrder: reading.serviceOrder.map((c) => c.value), lrn: reading.lrn.map((c) => c.value) };
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('open shadow roots', () => {
  it('reads labels and values inside a component', () => {
    expect(
      read(
        '<order-panel><template shadowrootmode="open"><dl><dt>Service order</dt><dd>7770142</dd>' +
          '<dt>LRN</dt><dd>24NLLRN0004471</dd></dl></template></order-panel>',
      ),
    ).toEqual({ serviceOrder: ['7770142'], lrn: ['24NLLRN0004471'] });
  });

  it('reads components nested in components', () => {
    expect(
      read(
        '<app-shell><template shadowrootmode="open"><nav>Orders</nav><order-panel><template shadowrootmode="open">' +
          '<table><tr><td>Customs LRN</td><td><input readonly value="26NLLRN0010120"></td></tr></table>' +
          '</template></order-panel></template></app-shell>',
      ).lrn,
    ).toEqual(['26NLLRN0010120']);
  });

  it('reads a value slotted into a component beside the label in its shadow root', () => {
    expect(
      read(
        '<field-row><template shadowrootmode="open"><dt>LRN</dt><dd><slot></slot></dd></template>26NLLRN0001234</field-row>',
      ).lrn,
    ).toEqual(['26NLLRN0001234']);
  });

  it('reads a value a small component shows in its shadow root, beside a label of the page', () => {
    expect(
      read(
        '<dl><dt>LRN</dt><dd><copy-chip><template shadowrootmode="open"><span>26NLLRN0012070</span>' +
          '<button aria-label="Copy">⧉</button></template></copy-chip></dd></dl>',
      ).lrn,
    ).toEqual(['26NLLRN0012070']);
  });

  it('reads a grid inside a component by its selected row', () => {
    const rows = ['7770801', '7770802', '7770803']
      .map(
        (order, index) =>
          `<tr${index === 1 ? ' aria-selected="true"' : ''}><td>${order}</td><td>26NLLRN000810${index}</td></tr>`,
      )
      .join('');
    expect(
      read(
        `<order-grid><template shadowrootmode="open"><table><thead><tr><th>Service order</th><th>LRN</th></tr></thead>` +
          `<tbody>${rows}</tbody></table></template></order-grid>`,
      ),
    ).toEqual({ serviceOrder: ['7770802'], lrn: ['26NLLRN0008101'] });
  });

  it('reads rows placed through a slot into the grid of a component, by the selected one', () => {
    const row = (order: string, lrn: string, selected = false) =>
      `<div role="row"${selected ? ' aria-selected="true"' : ''}><div role="gridcell">${order}</div><div role="gridcell">${lrn}</div></div>`;
    expect(
      read(
        '<so-grid><template shadowrootmode="open"><div role="grid"><div role="row">' +
          '<div role="columnheader">Service order</div><div role="columnheader">LRN</div></div><slot></slot></div>' +
          `</template>${row('7770901', '26NLLRN0009001')}${row('7770902', '26NLLRN0009002', true)}</so-grid>`,
      ),
    ).toEqual({ serviceOrder: ['7770902'], lrn: ['26NLLRN0009002'] });
  });

  it('reads nothing inside a closed shadow root', () => {
    expect(
      read(
        '<secret-panel><template shadowrootmode="closed"><dl><dt>Service order</dt><dd>7770142</dd></dl>' +
          '</template></secret-panel>',
      ),
    ).toEqual({ serviceOrder: [], lrn: [] });
  });

  it('ranks the page’s own labelled values before those found in components', () => {
    expect(
      read(
        '<dl><dt>Service order</dt><dd>7770001</dd></dl><order-panel><template shadowrootmode="open">' +
          '<dl><dt>Service order</dt><dd>7770002</dd><dt>LRN</dt><dd>24NLLRN0000002</dd></dl></template></order-panel>',
      ),
    ).toEqual({ serviceOrder: ['7770001', '7770002'], lrn: ['24NLLRN0000002'] });
  });

  it('does not look into components when the page itself shows both values beside their labels', () => {
    expect(
      read(
        '<dl><dt>Service order</dt><dd>7770001</dd><dt>LRN</dt><dd>24NLLRN0000001</dd></dl>' +
          '<order-panel><template shadowrootmode="open"><dl><dt>Service order</dt><dd>7770002</dd></dl>' +
          '</template></order-panel>',
      ).serviceOrder,
    ).toEqual(['7770001']);
  });
});
