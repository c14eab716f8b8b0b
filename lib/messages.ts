/**
 * The one protocol between the extension's pages (popup, options) and the background worker.
 * Each message is declared once with its payload schema; the worker obeys only the extension's own
 * pages (never a content script or a web page) and only payloads that pass the schema.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { CreatedItem } from './bzctrl/create-item';
import { type ReportField, type ReportForm, reportFormSchema } from './bzctrl/report-form';
import type { Account } from './settings';

export type FailureKind =
  | 'invalid' // the form or payload broke a rule of the contract
  | 'signed-out' // sign in (again) first
  | 'forbidden' // the account may not write to this workspace
  | 'not-configured'
  | 'network'
  | 'timeout'
  | 'server' // BzCtrl answered with an error
  | 'invalid-response'
  | 'refused'; // the sender is not one of the extension's own pages

export interface Failure {
  ok: false;
  kind: FailureKind;
  message: string;
  status?: number;
  /** Per-field messages, shown next to the fields. */
  fieldErrors?: Partial<Record<ReportField, string>>;
}
export type Result<T> = ({ ok: true } & T) | Failure;

export const signInPayloadSchema = z.object({
  email: z.string().check(z.trim(), z.email('Enter the e-mail address you sign in to BzCtrl with.')),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});
export type SignInPayload = z.infer<typeof signInPayloadSchema>;

export const createItemPayloadSchema = reportFormSchema;

interface ProtocolMap {
  signIn(payload: SignInPayload): Result<{ account: Account }>;
  signOut(): Result<object>;
  createItem(payload: ReportForm): Result<{ item: CreatedItem }>;
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

export const refused: Failure = {
  ok: false,
  kind: 'refused',
  message: 'Only the extension’s own pages may ask for this.',
};
