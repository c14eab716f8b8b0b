import { defineBackground } from 'wxt/utils/define-background';
import { registerFormLaunchers } from '@/lib/background/form-launcher';
import { registerMessageHandlers } from '@/lib/background/message-handlers';
import { registerOutbox } from '@/lib/background/outbox-runner';
import { registerTestBuildHook } from '@/lib/background/test-build';

// Wiring only: listeners are registered synchronously so a woken worker hears the event that woke it.
export default defineBackground(() => {
  registerMessageHandlers();
  registerFormLaunchers();
  registerOutbox();
  registerTestBuildHook(); // nothing outside a WXT_E2E=1 test build
});
