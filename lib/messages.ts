/**
 * The one protocol between the extension's pages (popup, options), the page picker and the
 * background worker. Each message is declared once, with who may send it, its payload typed from
 * its schema (lib/message-payloads.ts, which only the worker loads: the pages need the types, not
 * the checks). The worker obeys the extension's own pages, and the page picker it injected itself
 * only in its own picking session (isPickerInTab); never a web page; only payloads that pass.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { SubmitOutcome } from './bzctrl/submission';
import type { Result } from './failures';
import type {
  PickEndPayload,
  PickMadePayload,
  SignInPayload,
  StartPickPayload,
  SubmitPayload,
} from './message-payloads';
import type { OutboxItem } from './outbox';
import type { Account } from './settings';

interface ProtocolMap {
  // From the extension's own pages to the worker.
  signIn(payload: SignInPayload): Result<{ account: Account }>;
  signOut(): Result<object>;
  submit(payload: SubmitPayload): SubmitOutcome;
  retryOutboxItem(payload: { id: string }): Result<{ item?: OutboxItem | undefined }>;
  discardOutboxItem(payload: { id: string }): Result<object>;
  /** The popup's or the options page's Pick: the worker injects the page picker into the tab. */
  startPick(payload: StartPickPayload): Result<object>;
  // From the page picker, in the session the worker started, to the worker.
  /** The operator confirmed a value: the worker saves the rule (or hands it to the options page). */
  pickMade(payload: PickMadePayload): Result<{ message: string }>;
  pickEnded(payload: PickEndPayload): Result<object>;
  // From the worker to the page picker in every frame of the tab.
  stopPicking(payload: PickEndPayload): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** What the sender of a message says about itself, as the browser reports it. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * True only for the page picker of the picking session `tabId` is in: a script of this extension
 * (web pages cannot reach runtime.onMessage at all) running in that tab, not an extension page.
 */
export function isPickerInTab(sender: MessageSender, tabId: number): boolean {
  const tab = sender.tab as { id?: number } | undefined;
  return sender.id === browser.runtime.id && tab?.id === tabId && !isExtensionPage(sender);
}

/** True for the worker or an extension page: this extension, not from a tab's page. */
export function isFromExtension(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}

/**
 * True only for the extension's own pages. Content scripts share the extension id but report the
 * page's URL; web pages cannot reach runtime.onMessage at all (no externally_connectable).
 */
export function isExtensionPage(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(browser.runtime.getURL('/')));
}
