/**
 * The one protocol between the extension's pages (popup, options) and the background worker.
 * Each message is declared once with its payload schema; the worker obeys only the extension's own
 * pages (never a content script or a web page) and only payloads that pass the schema.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import type { ReportForm } from './bzctrl/report-form';
import type { SubmitOutcome } from './bzctrl/submission';
import type { Result } from './failures';
import type { OutboxItem } from './outbox';
import type { Account } from './settings';

export const signInPayloadSchema = z.object({
  email: z.string().check(z.trim(), z.email({ error: () => i18n.t('validation.signInEmail') })),
  password: z.string().check(z.minLength(1, { error: () => i18n.t('validation.password') })),
});
export type SignInPayload = z.infer<typeof signInPayloadSchema>;

/** Made by the form once per submission, so that the same submission is never sent twice. */
export const submissionIdSchema = z
  .string()
  .check(z.regex(/^[\w-]{8,64}$/, { error: () => i18n.t('validation.submissionId') }));
/** The tab the form is about, when it is about one. */
export const tabIdSchema = z.optional(
  z.custom<number>((id) => Number.isInteger(id) && (id as number) > 0, 'not a tab id'),
);
export type SubmitPayload = { id: string; form: ReportForm; tabId?: number | undefined };

export const outboxPayloadSchema = z.object({ id: z.string().check(z.maxLength(64)) });

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
