// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchorFor } from '@/lib/picker/anchor';
import { type PickerOptions, type RunningPicker, startPicker } from '@/lib/picker/overlay';
import { useLanguage } from '../i18n-setup';

vi.mock('@/lib/picker/anchor', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/picker/anchor')>();
  return { ...actual, anchorFor: vi.fn(actual.anchorFor) };
});

const LABELLED_LRN =
  '<table><tr><td>Customs LRN</td><td><input readonly value="26NLLRN0012070"></td></tr></table>';
const SAVED = 'Saved. Press Alt+Shift+K for the form';
const CLICK = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick'];

const running: RunningPicker[] = [];

afterEach(() => {
  for (const picker of running.splice(0)) picker.stop();
  document.body.innerHTML = '';
});

/** A picker for the LRN on a page whose body is `html`, its UI open for the test to look into. */
async function pickOn(html: string, options: Partial<PickerOptions> = {}) {
  document.body.innerHTML = html;
  const onEnd = vi.fn();
  const onConfirm = vi.fn<PickerOptions['onConfirm']>(async () => ({ ok: true, message: SAVED }));
  const picker = startPicker({
    document,
    field: 'lrn',
    onConfirm,
    onEnd,
    isTrusted: () => true,
    mode: 'open',
    ...options,
  });
  running.push(picker);
  await settled();
  return { picker, onEnd, onConfirm };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const ui = () => document.querySelector('bzctrl-picker')?.shadowRoot ?? undefined;
const dialogText = () => ui()?.querySelector('.text')?.textContent;
const statusText = () => ui()?.querySelector('[role="status"]')?.textContent;
const buttonNames = () => [...(ui()?.querySelectorAll('button') ?? [])].map((button) => button.textContent);
const button = (name: string) =>
  [...(ui()?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === name);
/** The tag beside the highlight, as shown; undefined when there is none. */
const tag = () => {
  const element = ui()?.querySelector<HTMLElement>('.tag');
  return element && !element.hidden ? element.textContent : undefined;
};
const box = () => ui()?.querySelector<HTMLElement>('.box');
const byId = (id: string) => document.getElementById(id) ?? document.body;

let pointerX = 0;
/** The pointer moves onto `element` (the browser's hit test says so). */
async function pointAt(element: Element) {
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(element);
  pointerX += 5;
  element.dispatchEvent(
    new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: pointerX, clientY: 20 }),
  );
  await nextFrame();
}

/** A whole click on `element`, as the browser sends it. */
function clickOn(element: Element) {
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(element);
  for (const type of CLICK) {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: 40, clientY: 20 };
    element.dispatchEvent(
      type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init),
    );
  }
}

function press(key: string, init: KeyboardEventInit = {}) {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init }),
  );
}

/** Every pointer and key event the page's own handlers get. */
function pageEvents(target: EventTarget = document.body): string[] {
  const seen: string[] = [];
  for (const type of [...CLICK, 'keydown']) target.addEventListener(type, () => seen.push(type));
  return seen;
}

describe('highlight', () => {
  it('follows the pointer to a value and shows it in a tag, over the element that holds it', async () => {
    await pickOn('<p>Customs LRN <b><span id="inner">26NLLRN0012070</span></b></p>');
    vi.spyOn(byId('inner'), 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 60, 120, 18));
    await pointAt(byId('inner'));
    expect(tag()).toBe('LRN 26NLLRN0012070');
    expect(box()?.hidden).toBe(false);
    expect(box()?.style).toMatchObject({ left: '98px', top: '58px', width: '124px', height: '22px' });
    expect(box()?.classList.contains('misfit')).toBe(false);
  });

  it('says "Not an LRN" over an element that shows none', async () => {
    await pickOn('<p id="hello">Hello there</p><p>26NLLRN0012070</p>');
    await pointAt(byId('hello'));
    expect(tag()).toBe('Not an LRN');
    expect(box()?.classList.contains('misfit')).toBe(true);
  });

  it('names the service order in its own words', async () => {
    await pickOn('<p id="hello">Hello there</p>', { field: 'serviceOrder' });
    await pointAt(byId('hello'));
    expect(tag()).toBe('Not a service order');
  });

  it('looks into the open shadow root of a web component', async () => {
    await pickOn('<x-customs id="component"></x-customs>');
    const component = byId('component');
    const shadow = component.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<b>26NLLRN0012070</b> <i>26NLLRN0099999</i>';
    Object.defineProperty(shadow, 'elementFromPoint', { value: () => shadow.querySelector('i') });
    await pointAt(component);
    expect(tag()).toBe('LRN 26NLLRN0099999');
  });

  it('ignores untrusted input by default: a page script can neither point nor pick', async () => {
    const { onConfirm } = await pickOn('<p id="value">26NLLRN0012070</p>', { isTrusted: undefined });
    const seen = pageEvents();
    await pointAt(byId('value'));
    clickOn(byId('value'));
    await settled();
    expect(tag()).toBeUndefined();
    expect(seen).toEqual(CLICK);
    expect(buttonNames()).toEqual(['Cancel']);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('choosing', () => {
  it('takes the clicked value; the page never sees the click', async () => {
    await pickOn(LABELLED_LRN);
    const input = document.querySelector('input') ?? document.body;
    const seen = pageEvents(input);
    const seenByDocument = pageEvents(document);
    clickOn(input);
    expect(seen).toEqual([]);
    expect(seenByDocument).toEqual([]);
    expect(dialogText()).toBe('LRN: 26NLLRN0012070 — found beside “Customs LRN”');
    expect(buttonNames()).toEqual(['Save as page rule', 'Pick again', 'Cancel']);
  });

  it('says so when the click is on no LRN, and goes on picking', async () => {
    await pickOn('<p id="hello">Hello there</p><p id="value">26NLLRN0012070</p>');
    clickOn(byId('hello'));
    expect(statusText()).toBe('No LRN there. Click one, or find one with ↑↓.');
    expect(dialogText()).toBe('Pick the LRN: click it on the page. ↑↓ move, Enter chooses, Esc cancels.');
    expect(buttonNames()).toEqual(['Cancel']);
    clickOn(byId('value'));
    expect(dialogText()).toMatch(/^LRN: 26NLLRN0012070 — /);
  });

  it('steps through the LRNs in page order with the arrows and Tab, web components included, and Enter takes one', async () => {
    await pickOn(
      '<p>Customs LRN <b id="first">26NLLRN0000001</b></p><p>Weight 12 kg</p>' +
        '<x-panel id="panel"></x-panel><p><input id="third" value="26NLLRN0000003"></p>',
    );
    const shadow = byId('panel').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Reference</span> <span>26NLLRN0000002</span>';
    const scrolled = vi.spyOn(byId('third'), 'scrollIntoView');
    const seen = pageEvents();
    const shown: (string | undefined)[] = [];
    for (const [key, init] of [
      ['ArrowDown'],
      ['ArrowDown'],
      ['ArrowDown'],
      ['ArrowDown'],
      ['ArrowUp'],
      ['Tab', { shiftKey: true }],
      ['Tab'],
    ] as const) {
      press(key, init);
      shown.push(tag());
    }
    expect(shown).toEqual([
      'LRN 26NLLRN0000001',
      'LRN 26NLLRN0000002',
      'LRN 26NLLRN0000003',
      'LRN 26NLLRN0000001',
      'LRN 26NLLRN0000003',
      'LRN 26NLLRN0000002',
      'LRN 26NLLRN0000003',
    ]);
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    expect(seen).toEqual([]);
    press('Enter');
    expect(dialogText()).toMatch(/^LRN: 26NLLRN0000003 — /);
  });

  it('says so when the page shows no LRN to step to', async () => {
    await pickOn('<p>Weight 12 kg</p>');
    press('ArrowDown');
    expect(statusText()).toBe('No LRN found on this page.');
    expect(tag()).toBeUndefined();
  });
});

describe('confirming and saving', () => {
  it('saves the value with the label beside it, and ends as saved after the message', async () => {
    const { onConfirm, onEnd } = await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    const save = button('Save as page rule');
    expect(ui()?.activeElement).toBe(save);
    save?.click();
    expect(statusText()).toBe('Saving…');
    await settled();
    expect(onConfirm).toHaveBeenCalledWith({ value: '26NLLRN0012070', anchor: { label: 'Customs LRN' } });
    expect(statusText()).toBe(SAVED);
    expect(onEnd).not.toHaveBeenCalled();
    clickOn(document.body);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('saved');
    expect(ui()).toBeUndefined();
  });

  it('leaves keys on its own buttons to them: Tab moves among them', async () => {
    await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, composed: true });
    button('Save as page rule')?.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(buttonNames()).toEqual(['Save as page rule', 'Pick again', 'Cancel']);
  });

  it('ends by itself a few seconds after saving', async () => {
    const { onEnd } = await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      button('Save as page rule')?.click();
      await vi.advanceTimersByTimeAsync(3000);
      expect(onEnd).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(onEnd).toHaveBeenCalledExactlyOnceWith('saved');
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves a value without a label by its place on the page', async () => {
    const { onConfirm } = await pickOn('<div class="customs"><span class="lrn">26NLLRN0012070</span></div>');
    clickOn(document.querySelector('.lrn') ?? document.body);
    expect(dialogText()).toMatch(/^LRN: 26NLLRN0012070 — found at its place on this page \(.+\)$/);
    button('Save as page rule')?.click();
    await settled();
    expect(onConfirm).toHaveBeenCalledWith({
      value: '26NLLRN0012070',
      anchor: { selector: expect.any(String) },
    });
  });

  it('shows why saving failed and offers the same choices again', async () => {
    const { onEnd } = await pickOn(LABELLED_LRN, {
      onConfirm: async () => ({ ok: false, message: 'The page rules could not be saved.' }),
    });
    clickOn(document.querySelector('input') ?? document.body);
    button('Save as page rule')?.click();
    await settled();
    expect(statusText()).toBe('The page rules could not be saved.');
    expect(buttonNames()).toEqual(['Save as page rule', 'Pick again', 'Cancel']);
    expect(dialogText()).toMatch(/^LRN: 26NLLRN0012070 — /);
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('shows an error that saving threw', async () => {
    await pickOn(LABELLED_LRN, { onConfirm: () => Promise.reject(new Error('no answer')) });
    clickOn(document.querySelector('input') ?? document.body);
    button('Save as page rule')?.click();
    await settled();
    expect(statusText()).toBe('Something went wrong: Error: no answer');
  });

  it('offers no saving when no rule could find the value again', async () => {
    vi.mocked(anchorFor).mockReturnValueOnce(undefined);
    await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    expect(dialogText()).toBe(
      'LRN: 26NLLRN0012070 — a page rule cannot find this value again on this page. Pick it at another place, or cancel.',
    );
    expect(buttonNames()).toEqual(['Pick again', 'Cancel']);
  });

  it('goes back to picking with Pick again', async () => {
    const { onEnd } = await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    button('Pick again')?.click();
    expect(buttonNames()).toEqual(['Cancel']);
    expect(dialogText()).toMatch(/^Pick the LRN/);
    expect(onEnd).not.toHaveBeenCalled();
  });
});

describe('ending', () => {
  it('ends on Esc as cancelled, and leaves the page to itself', async () => {
    const { onEnd } = await pickOn('<p id="value">26NLLRN0012070</p>');
    press('Escape');
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('cancelled');
    expect(document.querySelector('bzctrl-picker')).toBeNull();
    const seen = pageEvents();
    clickOn(byId('value'));
    press('ArrowDown');
    expect(seen).toEqual([...CLICK, 'keydown']);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('ends as cancelled with the Cancel button, also while confirming', async () => {
    const { onEnd } = await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    button('Cancel')?.click();
    expect(onEnd).toHaveBeenCalledExactlyOnceWith('cancelled');
    expect(ui()).toBeUndefined();
  });

  it('gives the focus back to the page field that had it', async () => {
    await pickOn(`<input id="note">${LABELLED_LRN}`);
    const note = byId('note') as HTMLInputElement;
    note.focus();
    clickOn(document.querySelector('td input') ?? document.body);
    expect(document.activeElement).not.toBe(note);
    button('Cancel')?.click();
    expect(document.activeElement).toBe(note);
  });

  it('stop() leaves the document as it was, without a word to the caller', async () => {
    document.body.innerHTML = LABELLED_LRN;
    const before = document.documentElement.outerHTML;
    const { picker, onEnd } = await pickOn(LABELLED_LRN);
    clickOn(document.querySelector('input') ?? document.body);
    expect(document.documentElement.outerHTML).not.toBe(before);
    picker.stop();
    expect(document.documentElement.outerHTML).toBe(before);
    const seen = pageEvents();
    clickOn(document.querySelector('input') ?? document.body);
    expect(seen).toEqual(CLICK);
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('stop() right away shows nothing at all', async () => {
    const before = document.documentElement.outerHTML;
    const onEnd = vi.fn();
    startPicker({ document, field: 'lrn', onConfirm: vi.fn(), onEnd }).stop();
    await settled();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(onEnd).not.toHaveBeenCalled();
  });
});

describe('any page', () => {
  it('runs on a page without a body', async () => {
    const body = document.body;
    body.remove();
    try {
      const picker = startPicker({
        document,
        field: 'lrn',
        onConfirm: vi.fn(),
        onEnd: vi.fn(),
        mode: 'open',
      });
      await settled();
      expect(document.documentElement.lastElementChild?.localName).toBe('bzctrl-picker');
      picker.stop();
      expect(document.querySelector('bzctrl-picker')).toBeNull();
    } finally {
      document.documentElement.append(body);
    }
  });

  it('speaks Dutch in a Dutch browser', async () => {
    await useLanguage('nl');
    await pickOn(LABELLED_LRN);
    expect(dialogText()).toBe(
      'Wijs de LRN aan: klik erop op de pagina. ↑↓ verplaatsen, Enter kiest, Esc annuleert.',
    );
    clickOn(document.querySelector('input') ?? document.body);
    expect(dialogText()).toBe('LRN: 26NLLRN0012070 — gevonden naast “Customs LRN”');
    expect(buttonNames()).toEqual(['Opslaan als paginaregel', 'Opnieuw aanwijzen', 'Annuleren']);
  });
});
