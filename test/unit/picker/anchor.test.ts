// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorFor, pickedValue } from '@/lib/picker/anchor';
import { attachDeclarativeShadowRoots } from '../page/declarative-shadow-dom';

function page(html: string): void {
  document.body.innerHTML = html;
  attachDeclarativeShadowRoots(document);
}

function element(selector: string, root: ParentNode = document): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('pickedValue', () => {
  it('takes the value of the element pointed at, or of the nearest element around it that shows one', () => {
    page(
      '<table><tr><td>Customs ref.</td><td id="cell"><span><b id="inner">26NLNQT0001103</b></span></td></tr></table>',
    );
    expect(pickedValue(element('#inner'), 'lrn')).toEqual({
      element: element('#inner'),
      value: '26NLNQT0001103',
    });
    page('<p id="note">Seal <b>checked</b></p>');
    expect(pickedValue(element('#note b'), 'lrn')).toBeUndefined();
  });

  it('takes a control’s value', () => {
    page(
      '<table><tr><td>Customs LRN</td><td><input id="box" readonly value="26nllrn0012070"></td></tr></table>',
    );
    expect(pickedValue(element('#box'), 'lrn')?.value).toBe('26NLLRN0012070');
  });
});

describe('anchorFor: how a rule finds the picked value again', () => {
  it('anchors on the label beside the value when reading by it gives this value', () => {
    page('<dl><dt>Douanekenmerk</dt><dd id="value">26NLRMB0004417</dd><dt>Klant</dt><dd>Rijnmond</dd></dl>');
    const picked = { element: element('#value'), value: '26NLRMB0004417' };
    expect(anchorFor(document, picked, 'lrn')).toEqual({ label: 'Douanekenmerk' });
  });

  it('anchors on a grid column’s header when the picked cell is in the selected row', () => {
    page(
      '<table><thead><tr><th>Order</th><th>Customs ref.</th></tr></thead><tbody>' +
        '<tr><td>8810001</td><td>26NLNQT0001101</td></tr>' +
        '<tr class="selected"><td>8810003</td><td id="value">26NLNQT0001103</td></tr></tbody></table>',
    );
    const picked = { element: element('#value'), value: '26NLNQT0001103' };
    expect(anchorFor(document, picked, 'lrn')).toEqual({ label: 'Customs ref.' });
  });

  it('uses a stable selector when the label would read another value (a row that is not the selected one)', () => {
    page(
      '<table id="discharge"><thead><tr><th>Order</th><th>Customs ref.</th></tr></thead><tbody>' +
        '<tr class="selected"><td>8810001</td><td>26NLNQT0001101</td></tr>' +
        '<tr><td>8810003</td><td class="customs-ref">26NLNQT0001103</td></tr></tbody></table>',
    );
    const picked = { element: element('.customs-ref'), value: '26NLNQT0001103' };
    const anchor = anchorFor(document, picked, 'lrn');
    expect(anchor).toHaveProperty('selector');
    expect(document.querySelector((anchor as { selector: string }).selector)).toBe(picked.element);
  });

  it('makes no selector of generated ids', () => {
    page(
      '<div id="ember1234"><span id=":r3:">7770142</span><span id="x9f3k2" class="css-1q2w3e value">26NLNQT0001103</span></div>',
    );
    const picked = { element: element('.value'), value: '26NLNQT0001103' };
    const anchor = anchorFor(document, picked, 'lrn') as { selector: string };
    expect(anchor.selector).toBe('.value');
    expect(anchor.selector).not.toMatch(/ember1234|:r3:|x9f3k2|css-1q2w3e/);
  });

  it('anchors in a web component’s open shadow root, by its label or by a selector that steps into it', () => {
    page(
      '<customs-panel><template shadowrootmode="open"><dl><dt>Douanekenmerk</dt><dd><span class="ref">26NLRMB0004417</span>' +
        '</dd></dl><p><span class="code">26NLRMB0009999</span></p></template></customs-panel>',
    );
    const shadow = element('customs-panel').shadowRoot as ShadowRoot;
    expect(anchorFor(document, { element: element('.ref', shadow), value: '26NLRMB0004417' }, 'lrn')).toEqual(
      {
        label: 'Douanekenmerk',
      },
    );
    const unlabelled = anchorFor(
      document,
      { element: element('.code', shadow), value: '26NLRMB0009999' },
      'lrn',
    );
    expect(unlabelled).toEqual({ selector: expect.stringMatching(/^customs-panel >>> /) });
  });
});
