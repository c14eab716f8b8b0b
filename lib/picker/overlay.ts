/**
 * Pick on page: the overlay with which the operator points at the service order or LRN where the
 * page shows it, and saves how a page rule finds it again. It lives in a closed shadow root, so the
 * page's styles do not reach it, and while it runs the page's own handlers never see the pointer
 * and keys that pick. Only trusted input counts. Started by entrypoints/page-picker.ts; try it with
 * npm start: open the form on a demo screen and Pick.
 */
import { createIsolatedElement } from '@webext-core/isolated-element';
import { i18n } from '#i18n';
import type { Field } from '../page/types';
import { anchorFor, type PickedAnchor, type PickedValue, pickedValue } from './anchor';
import { valueCandidates } from './candidates';
import { overlayStyles } from './overlay-styles';
import { addButton, buildView, hideHighlight, showHighlight } from './overlay-view';

export type PickOutcome = { ok: true; message: string } | { ok: false; message: string };

export interface PickerOptions {
  /** The page (frame) it picks in; its UI goes in this document. */
  document: Document;
  field: Field;
  /** The operator confirmed: save it. Resolves with what to tell them (success or the reason it failed). */
  onConfirm(pick: { value: string; anchor: PickedAnchor }): Promise<PickOutcome>;
  /** Esc, the Cancel button, or done: the picker is gone (called once, after it removed itself). */
  onEnd(reason: 'cancelled' | 'saved'): void;
  /** Only trusted input counts, so that no page script can pick for the operator; tests pass () => true. */
  isTrusted?: (event: Event) => boolean;
  /** Tests open the shadow root to look inside; the page picker keeps it closed. */
  mode?: 'open' | 'closed';
}

export interface RunningPicker {
  /** Removes everything, listeners included, without calling onEnd. */
  stop(): void;
}

/** How long the saved message stays before the picker ends by itself. */
const SAVED_MESSAGE_MS = 4000;
/** Every event of a click: the page reacts to none of them while the operator picks. */
const CLICK_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick'];
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'];

type Stage =
  | { name: 'picking'; problem?: string }
  | { name: 'confirming'; picked: PickedValue; anchor: PickedAnchor | undefined; problem?: string }
  | { name: 'saving'; picked: PickedValue; anchor: PickedAnchor }
  | { name: 'saved'; message: string };

/** What the box is over: a value of the field, or an element that shows none. */
interface Highlight {
  element: Element;
  picked: PickedValue | undefined;
}

const onPicked = (picked: PickedValue): Highlight => ({ element: picked.element, picked });

export function startPicker(options: PickerOptions): RunningPicker {
  let stopped = false;
  let teardown = () => {};
  const view = options.document.defaultView;
  const cancel = () => {
    if (!stopped) options.onEnd('cancelled');
  };
  if (!view || !options.document.documentElement) {
    // Nothing to pick in (a document without a window): it ends at once, as if cancelled.
    queueMicrotask(cancel);
  } else {
    createIsolatedElement({
      name: 'bzctrl-picker',
      mode: options.mode ?? 'closed',
      css: { textContent: overlayStyles },
      isolateEvents: true,
    }).then(({ parentElement, isolatedElement }) => {
      if (!stopped) teardown = runPicker(options, view, parentElement, isolatedElement);
    }, cancel);
  }
  return {
    stop() {
      stopped = true;
      teardown();
    },
  };
}

/** Shows the picker in `host` and runs it; gives back what removes it without a word to the caller. */
function runPicker(
  options: PickerOptions,
  view: Window,
  host: HTMLElement,
  container: HTMLElement,
): () => void {
  const { document, field } = options;
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  const fieldName = i18n.t(`form.${field}`);
  const ui = buildView(container, i18n.t('picker.label'));
  const listeners = new AbortController();
  let stage: Stage = { name: 'picking' };
  let highlight: Highlight | undefined;
  let candidates: PickedValue[] | undefined;
  /** The highlight came from the arrow keys: only a real move of the pointer takes it away. */
  let keyed = false;
  let pointer: { x: number; y: number } | undefined;
  let pointerMoved = false;
  let frame = 0;
  let endTimer: ReturnType<typeof setTimeout> | undefined;
  let focusBefore: Element | null = null;
  let finished = false;

  const isOurs = (event: Event) => event.composedPath().includes(host);
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** The element under the pointer, inside open shadow roots too; never ours. */
  const elementAt = (x: number, y: number): Element | undefined => {
    let hit = document.elementFromPoint(x, y);
    for (let depth = 0; hit?.shadowRoot && hit !== host && depth < 32; depth++) {
      const shadow = hit.shadowRoot;
      const inner = typeof shadow.elementFromPoint === 'function' ? shadow.elementFromPoint(x, y) : null;
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit && hit !== host ? hit : undefined;
  };

  const hover = (element: Element | undefined): Highlight | undefined => {
    if (!element) return undefined;
    const picked = pickedValue(element, field);
    // The page's background is no place to point at.
    if (!picked && (element === document.documentElement || element === document.body)) return undefined;
    return { element, picked };
  };

  const draw = () => {
    const shown =
      stage.name === 'picking' ? highlight : 'picked' in stage ? onPicked(stage.picked) : undefined;
    if (!shown?.element.isConnected) {
      hideHighlight(ui);
      return;
    }
    const { element, picked } = shown;
    const text = picked ? `${fieldName} ${picked.value}` : i18n.t(`picker.notA.${field}`);
    showHighlight(ui, element, text, !picked);
  };

  const onFrame = () => {
    frame = 0;
    if (pointerMoved && pointer && stage.name === 'picking') {
      highlight = hover(elementAt(pointer.x, pointer.y));
      keyed = false;
    }
    pointerMoved = false;
    draw();
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(onFrame);
  };

  const show = (next: Stage) => {
    stage = next;
    render();
    draw();
  };

  const render = () => {
    ui.status.textContent = '';
    ui.status.classList.remove('problem');
    ui.buttons.replaceChildren();
    const problem = 'problem' in stage ? stage.problem : undefined;
    // Every frame of the tab picks; the bar shows in the top frame only, the rest shows where it is needed.
    ui.dialog.hidden = view !== view.top && stage.name === 'picking' && !problem;
    if (problem) {
      ui.status.textContent = problem;
      ui.status.classList.add('problem');
    }
    if (stage.name === 'picking') {
      const keys = document.createElement('span');
      keys.className = 'keys';
      keys.textContent = i18n.t('picker.keys');
      ui.text.replaceChildren(`${i18n.t(`picker.pick.${field}`)} `, keys);
      button(i18n.t('picker.cancel'), () => end('cancelled'));
    } else if (stage.name === 'saved') {
      ui.text.replaceChildren();
      ui.status.textContent = stage.message;
    } else {
      const { picked, anchor } = stage;
      const busy = stage.name === 'saving';
      ui.text.textContent = tookText(picked, anchor);
      if (busy) ui.status.textContent = i18n.t('picker.saving');
      if (anchor) button(i18n.t('picker.save'), () => void save(picked, anchor), busy);
      button(i18n.t('picker.pickAgain'), () => pickAgain(picked), busy);
      button(i18n.t('picker.cancel'), () => end('cancelled'), busy);
      const first = ui.buttons.querySelector('button');
      first?.classList.add('primary');
      if (!busy) {
        focusBefore ??= document.activeElement;
        first?.focus();
      }
    }
  };

  const button = (label: string, action: () => void, disabled = false) =>
    addButton(
      ui,
      label,
      (event) => {
        if (isTrusted(event)) action();
      },
      disabled,
    );

  const tookText = (picked: PickedValue, anchor: PickedAnchor | undefined) => {
    const words = { field: fieldName, value: picked.value };
    if (!anchor) return i18n.t('picker.notFindable', words);
    return 'label' in anchor
      ? i18n.t('picker.besideLabel', { ...words, label: anchor.label })
      : i18n.t('picker.atPlace', { ...words, selector: anchor.selector });
  };

  const choose = () => {
    const picked = highlight?.element.isConnected ? highlight.picked : undefined;
    if (!picked) show({ name: 'picking', problem: i18n.t(`picker.nothingThere.${field}`) });
    else show({ name: 'confirming', picked, anchor: anchorFor(document, picked, field) });
  };

  const pickAgain = (picked: PickedValue) => {
    // The arrow keys go on from the value just picked.
    highlight = onPicked(picked);
    show({ name: 'picking' });
  };

  /** To the next (1) or previous (-1) value of the field on the page, round at the ends. */
  const step = (direction: 1 | -1) => {
    candidates ??= valueCandidates(document, field, host);
    const count = candidates.length;
    if (count === 0) {
      show({ name: 'picking', problem: i18n.t(`picker.noneOnPage.${field}`) });
      return;
    }
    const at = candidates.findIndex((candidate) => candidate.element === highlight?.picked?.element);
    const next = candidates[at < 0 ? (direction > 0 ? 0 : count - 1) : (at + direction + count) % count];
    if (!next) return;
    next.element.scrollIntoView({ block: 'nearest' });
    highlight = onPicked(next);
    keyed = true;
    show({ name: 'picking' });
  };

  const save = async (picked: PickedValue, anchor: PickedAnchor) => {
    show({ name: 'saving', picked, anchor });
    let outcome: PickOutcome;
    try {
      outcome = await options.onConfirm({ value: picked.value, anchor });
    } catch (error) {
      outcome = { ok: false, message: i18n.t('error.unexpected', { detail: String(error) }) };
    }
    if (finished) return;
    if (!outcome.ok) {
      show({ name: 'confirming', picked, anchor, problem: outcome.message });
      return;
    }
    show({ name: 'saved', message: outcome.message });
    endTimer = setTimeout(() => end('saved'), SAVED_MESSAGE_MS);
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!isTrusted(event) || stage.name !== 'picking') return;
    // When the page scrolls under a still pointer, the browser reports a move to the same place.
    if (keyed && pointer?.x === event.clientX && pointer.y === event.clientY) return;
    pointer = { x: event.clientX, y: event.clientY };
    pointerMoved = true;
    schedule();
  };

  const onClickEvent = (event: Event) => {
    if (!isTrusted(event)) return;
    const ours = isOurs(event);
    if (!ours) swallow(event);
    if (event.type !== 'click') return;
    if (stage.name === 'saved') {
      end('saved');
    } else if (stage.name === 'picking' && !ours) {
      const { clientX, clientY } = event as MouseEvent;
      highlight = hover(elementAt(clientX, clientY));
      keyed = false;
      choose();
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (!isTrusted(event)) return;
    if (event.key === 'Escape') {
      swallow(event);
      // While saving, the outcome is on its way: Esc waits for it.
      if (event.type === 'keydown' && stage.name !== 'saving') {
        end(stage.name === 'saved' ? 'saved' : 'cancelled');
      }
      return;
    }
    // Our buttons take Tab, Enter and Space themselves.
    if (isOurs(event)) return;
    swallow(event);
    if (event.type !== 'keydown' || stage.name !== 'picking') return;
    if (event.key === 'ArrowDown' || (event.key === 'Tab' && !event.shiftKey)) step(1);
    else if (event.key === 'ArrowUp' || event.key === 'Tab') step(-1);
    else if (event.key === 'Enter') choose();
  };

  const end = (reason: 'cancelled' | 'saved') => {
    if (finished) return;
    teardown();
    options.onEnd(reason);
  };

  const teardown = () => {
    if (finished) return;
    finished = true;
    listeners.abort();
    if (frame) view.cancelAnimationFrame(frame);
    clearTimeout(endTimer);
    const hadFocus = document.activeElement === host;
    host.remove();
    // Focus goes back where it was before our buttons took it.
    const back = focusBefore as HTMLElement | null;
    if (hadFocus && back?.isConnected && typeof back.focus === 'function') {
      back.focus({ preventScroll: true });
    }
  };

  const listening = { capture: true, signal: listeners.signal };
  view.addEventListener('pointermove', onPointerMove, { ...listening, passive: true });
  for (const type of CLICK_EVENTS) view.addEventListener(type, onClickEvent, listening);
  for (const type of KEY_EVENTS) view.addEventListener(type, onKey as EventListener, listening);
  // The box stays on its element when the page or a part of it scrolls, or the window resizes.
  view.addEventListener('scroll', schedule, { ...listening, passive: true });
  view.addEventListener('resize', schedule, { passive: true, signal: listeners.signal });

  document.documentElement.append(host);
  render();
  return teardown;
}
