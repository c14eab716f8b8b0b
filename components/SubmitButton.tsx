import type { ReactNode } from 'react';
import { SUBMIT_SHORTCUTS } from './submit-shortcut';

/**
 * A form's primary button, which Ctrl+Enter (Cmd+Enter) also presses. Not `disabled` while the
 * form is busy: a disabled button drops the keyboard focus; the form ignores a second press.
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      className="primary"
      aria-disabled={busy || undefined}
      aria-keyshortcuts={SUBMIT_SHORTCUTS}
    >
      {children}
    </button>
  );
}
