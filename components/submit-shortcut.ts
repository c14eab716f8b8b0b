import type { KeyboardEvent } from 'react';

/** What `aria-keyshortcuts` says on a submit button that `submitOnCtrlEnter` serves. */
export const SUBMIT_SHORTCUTS = 'Control+Enter Meta+Enter';

/**
 * A form's `onKeyDown`: Ctrl+Enter (Cmd+Enter on macOS) submits the form from any of its
 * controls, textareas included, where plain Enter keeps its own meaning (a new line). It submits
 * as the submit button would, so the form's own checks and its one-at-a-time guard still apply.
 */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (!isSubmitShortcut(event.nativeEvent)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** Ctrl+Enter or Cmd+Enter, alone; not the Enter that confirms an input method's composition. */
export function isSubmitShortcut(event: globalThis.KeyboardEvent): boolean {
  return (
    event.key === 'Enter' &&
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    !event.isComposing
  );
}
