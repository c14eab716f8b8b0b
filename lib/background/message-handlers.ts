/**
 * What the worker does for each message of lib/messages.ts. Every handler first checks that the
 * sender is one of the extension's own pages and that the payload passes its schema.
 */

import { z } from 'zod/mini';
import { signIn, signOut } from '../bzctrl/auth';
import { BzCtrlError } from '../bzctrl/client';
import { reportFormSchema } from '../bzctrl/report-form';
import { domainWorkSpaceSchema } from '../bzctrl/schema';
import { invalid, refused, toFailure } from '../failures';
import {
  outboxPayloadSchema,
  signInPayloadSchema,
  submissionIdSchema,
  tabIdSchema,
} from '../message-payloads';
import { isExtensionPage, type MessageSender, onMessage } from '../messages';
import { submitForm } from './deliveries';
import { resumeAfterSignIn, retryNow, scheduleNext } from './outbox-runner';
import { removeItem } from './outbox-store';
import { handlePickEnded, handlePickMade, handleStartPick } from './page-picks';

export function registerMessageHandlers(): void {
  onMessage('signIn', ({ data, sender }) => handleSignIn(data, sender));
  onMessage('signOut', ({ sender }) => handleSignOut(sender));
  onMessage('submit', ({ data, sender }) => handleSubmit(data, sender));
  onMessage('retryOutboxItem', ({ data, sender }) => handleRetry(data, sender));
  onMessage('discardOutboxItem', ({ data, sender }) => handleDiscard(data, sender));
  onMessage('startPick', ({ data, sender }) => handleStartPick(data, sender));
  onMessage('pickMade', ({ data, sender }) => handlePickMade(data, sender));
  onMessage('pickEnded', ({ data, sender }) => handlePickEnded(data, sender));
}

export async function handleSignIn(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  const payload = signInPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  try {
    const account = await signIn(payload.data.email.trim(), payload.data.password);
    // What waited in the outbox for a sign-in goes out now.
    void resumeAfterSignIn(account);
    return { ok: true as const, account };
  } catch (error) {
    // At sign-in every HTTP error (400 Bad credentials, 401 client refused) is the server's word.
    if (error instanceof BzCtrlError && error.kind === 'http') {
      return { ok: false as const, kind: 'server' as const, status: error.status, message: error.message };
    }
    return toFailure(error);
  }
}

export async function handleSignOut(sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  await signOut();
  return { ok: true as const };
}

export async function handleSubmit(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  // The form on its own, so that its messages name its fields.
  const { id, form, tabId, domainWorkSpace } = (data ?? {}) as Record<string, unknown>;
  const submission = submissionIdSchema.safeParse(id);
  if (!submission.success) return invalid(submission.error);
  const tab = tabIdSchema.safeParse(tabId);
  if (!tab.success) return invalid(tab.error);
  const workspace = z.optional(domainWorkSpaceSchema).safeParse(domainWorkSpace || undefined);
  if (!workspace.success) return invalid(workspace.error);
  const valid = reportFormSchema.safeParse(form);
  if (!valid.success) return invalid(valid.error);
  const outcome = await submitForm(submission.data, valid.data, tab.data, workspace.data);
  await scheduleNext();
  return outcome;
}

export async function handleRetry(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  const payload = outboxPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  return { ok: true as const, item: await retryNow(payload.data.id) };
}

export async function handleDiscard(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  const payload = outboxPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  await removeItem(payload.data.id);
  await scheduleNext();
  return { ok: true as const };
}
