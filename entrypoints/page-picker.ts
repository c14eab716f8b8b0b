import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isFromExtension, onMessage, sendMessage } from '@/lib/messages';
import type { InjectedPickerOptions } from '@/lib/picker/options';
import { type RunningPicker, startPicker } from '@/lib/picker/overlay';

/** This frame's picker, so that a new Pick replaces it rather than stacking a second. */
interface PickerGlobals {
  bzctrlPicker?: InjectedPickerOptions;
  bzctrlRunningPicker?: { stop(): void };
}

// Injected by the worker (lib/background/page-picks.ts) into every frame of the tab the operator
// asked to pick in, and only then: the page picker. It highlights what is under the pointer, takes
// the value the operator clicks or chooses with the keyboard, and sends it, with how a rule finds it
// again, to the worker; it changes nothing of the page and leaves no trace when it ends.
export default defineUnlistedScript(() => {
  const globals = globalThis as PickerGlobals;
  const options = globals.bzctrlPicker;
  globals.bzctrlRunningPicker?.stop();
  if (!options) return;
  const { session, field } = options;
  let running: RunningPicker | undefined;
  const removeListener = onMessage('stopPicking', ({ data, sender }) => {
    if (isFromExtension(sender) && data.session === session) stop();
  });
  const stop = () => {
    running?.stop();
    removeListener();
    if (globals.bzctrlRunningPicker === handle) globals.bzctrlRunningPicker = undefined;
  };
  const handle = { stop };
  globals.bzctrlRunningPicker = handle;
  running = startPicker({
    document,
    field,
    onConfirm: async ({ value, anchor }) => {
      const answer = await sendMessage('pickMade', { session, field, value, anchor }).catch(
        (error: unknown) => ({ ok: false as const, message: String(error) }),
      );
      return answer.ok ? { ok: true, message: answer.message } : { ok: false, message: answer.message };
    },
    onEnd: (reason) => {
      removeListener();
      if (reason === 'cancelled') void sendMessage('pickEnded', { session }).catch(() => undefined);
    },
  });
});
