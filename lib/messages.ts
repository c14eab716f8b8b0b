/**
 * The one protocol between the extension's pages (popup, options) and the background worker.
 * Each message is declared once, its payload typed from its schema (lib/message-payloads.ts,
 * which only the worker loads: the pages need the types, not the checks); the worker obeys only
 * the extension's own pages (never a content script or a web page) and only payloads that pass.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { SubmitOutcome } from './bzctrl/submission';
import type { Result } from './failures';
import type { SignInPayload, SubmitPayload } from './message-payloads';
import type { OutboxItem } from './outbox';
import type { Account } from './settings';

interface ProtocolMap {
  signIn(payload: SignInPayload): Result<{ account: Account }>;
  signOut(): Result<object>;
  submit(payload: SubmitPayload): SubmitOutcome;
  retryOutboxItem(payload: { id: string }): Result<{ item?: OutboxItem | undefined }>;
  discardOutboxItem(payload: { id: string }): Result<object>;
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
 * True only for the extension's own pages. Content scripts share the extension id but report the
 * page's URL; web pages cannot reach runtime.onMessage at all (no externally_connectable).
 */
export function isExtensionPage(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(browser.runtime.getURL('/')));
}
