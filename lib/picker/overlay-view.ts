/**
 * What the page picker shows, built in its shadow root: the highlight (a box over an element and a
 * tag beside it) and the dialog at the top (its text, a live status line and its buttons).
 */

export interface OverlayView {
  dialog: HTMLElement;
  box: HTMLElement;
  tag: HTMLElement;
  text: HTMLElement;
  status: HTMLElement;
  buttons: HTMLElement;
}

/** Builds the view in `container`; `label` names the dialog for screen readers. */
export function buildView(container: HTMLElement, label: string): OverlayView {
  const make = (tagName: string, className: string) => {
    const element = container.ownerDocument.createElement(tagName);
    element.className = className;
    return element;
  };
  container.className = 'picker';
  const box = make('div', 'box');
  const tag = make('div', 'tag');
  for (const element of [box, tag]) {
    element.hidden = true;
    // The dialog says in words what the box and tag show.
    element.setAttribute('aria-hidden', 'true');
  }
  const dialog = make('div', 'dialog');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', label);
  dialog.setAttribute('aria-describedby', 'bzctrl-picker-text');
  const text = make('p', 'text');
  text.id = 'bzctrl-picker-text';
  // role="status" is a polite live region: messages are read out as they come.
  const status = make('p', 'status');
  status.setAttribute('role', 'status');
  const buttons = make('div', 'buttons');
  dialog.append(text, status, buttons);
  container.append(box, tag, dialog);
  return { dialog, box, tag, text, status, buttons };
}

/** The box over `element` and the tag beside it saying `text`; `misfit` when it shows no value. */
export function showHighlight(view: OverlayView, element: Element, text: string, misfit: boolean): void {
  const { box, tag } = view;
  const rect = element.getBoundingClientRect();
  Object.assign(box.style, {
    left: `${rect.left - 2}px`,
    top: `${rect.top - 2}px`,
    width: `${rect.width + 4}px`,
    height: `${rect.height + 4}px`,
  });
  tag.textContent = text;
  for (const part of [box, tag]) {
    part.classList.toggle('misfit', misfit);
    part.hidden = false;
  }
  // Above the box where there is room, else below it; never off the screen sideways.
  const tagHeight = tag.offsetHeight || 22;
  const above = rect.top - tagHeight - 6;
  const viewportWidth = element.ownerDocument.documentElement.clientWidth || Number.POSITIVE_INFINITY;
  tag.style.top = `${above >= 0 ? above : rect.bottom + 6}px`;
  tag.style.left = `${Math.max(4, Math.min(rect.left, viewportWidth - tag.offsetWidth - 4))}px`;
}

export function hideHighlight(view: OverlayView): void {
  view.box.hidden = true;
  view.tag.hidden = true;
}

/** Shows a button in the dialog that runs `action` when pressed. */
export function addButton(
  view: OverlayView,
  label: string,
  action: (event: Event) => void,
  disabled = false,
) {
  const button = view.buttons.ownerDocument.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.disabled = disabled;
  button.addEventListener('click', action);
  view.buttons.append(button);
  return button;
}
