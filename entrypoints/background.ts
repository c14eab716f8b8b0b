import { defineBackground } from 'wxt/utils/define-background';
import { registerFormLaunchers } from '@/lib/background/form-launcher';
import { registerMessageHandlers } from '@/lib/background/message-handlers';
import { registerOutbox } from '@/lib/background/outbox-runner';

// Wiring only: listeners are registered synchronously so a woken worker hears the event that woke it.
export default defineBackground(() => {
  registerMessageHandlers();
  registerFormLaunchers();
  registerOutbox();
});
