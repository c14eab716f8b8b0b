import { defineBackground } from 'wxt/utils/define-background';
import { registerFormLaunchers } from '@/lib/background/form-launcher';
import { registerMessageHandlers } from '@/lib/background/message-handlers';
import { registerNetworkErrors } from '@/lib/background/network-errors';
import { registerOutbox } from '@/lib/background/outbox-runner';
import { registerSessionWatch } from '@/lib/background/session-watch';
import { registerTestBuildHook } from '@/lib/background/test-build';

// Wiring only: listeners are registered synchronously so a woken worker hears the event that woke it.
export default defineBackground(() => {
  registerNetworkErrors();
  registerMessageHandlers();
  registerFormLaunchers();
  registerOutbox();
  registerSessionWatch();
  // A literal at build time: outside the e2e build this line and the hook are not in the bundle.
  if (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX) registerTestBuildHook();
});
