// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { labelOfValue } from '@/lib/page/value-labels';
import { attachDeclarativeShadowRoots } from './declarative-shadow-dom';

function valueAt(html: string, selector = '#value'): Element {
  document.body.innerHTML = html;
  attachDeclarativeShadowRoots(document);
  const shadow = document.querySelector('[data-host]')?.shadowRoot;
  const element = (shadow ?? document).querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('labelOfValue: the label a page shows beside a value', () => {
  it.each([
    ['<table><tr><td>Customs LRN</td><td id="value">24NL</td></tr></table>', 'Customs LRN', 'beside'],
    [
      '<table><tr><th>LRN</th><td><input id="value" readonly value="24NL"></td></tr></table>',
      'LRN',
      'beside',
    ],
    ['<dl><dt>MRN:</dt><dd id="value">26NL</dd></dl>', 'MRN', 'beside'],
    ['<label>LRN (Bezugsnummer) <input id="value" value="26DE"></label>', 'LRN (Bezugsnummer)', 'beside'],
    ['<label for="value">Service order</label><input id="value" value="777">', 'Service order', 'beside'],
    [
      '<span id="cap">Werkorder</span><input id="value" aria-labelledby="cap" value="777">',
      'Werkorder',
      'beside',
    ],
    ['<div><span>Douanekenmerk</span> <b id="value">26NL</b></div>', 'Douanekenmerk', 'beside'],
    [
      '<table><thead><tr><th>Order</th><th>Customs ref.</th></tr></thead><tbody><tr><td>8810001</td>' +
        '<td id="value">26NL</td></tr></tbody></table>',
      'Customs ref.',
      'column',
    ],
  ])('in %s: %j', (html, text, kind) => {
    expect(labelOfValue(valueAt(html))).toEqual({ text, kind });
  });

  it('reads the label of a value in a component’s shadow root', () => {
    const value = valueAt(
      '<customs-panel data-host><template shadowrootmode="open"><dl><dt>Douanekenmerk</dt><dd><span id="value">26NL</span>' +
        '</dd></dl></template></customs-panel>',
    );
    expect(labelOfValue(value)).toEqual({ text: 'Douanekenmerk', kind: 'beside' });
  });

  it('takes no value before a value for its label', () => {
    expect(labelOfValue(valueAt('<p><span>7770142</span> <span id="value">26NL</span></p>'))).toBeUndefined();
    expect(
      labelOfValue(valueAt('<table><tr><td>7770142</td><td id="value">26NL</td></tr></table>')),
    ).toBeUndefined();
  });
});
