/**
 * What the worker does for each message of lib/messages.ts. Every handler first checks that the
 * sender is one of the extension's own pages and that the payload passes its schema.
 */
import { z } from 'zod/mini';
import { SignedOutError, signIn, signOut } from '../bzctrl/auth';
import { BzCtrlError } from '../bzctrl/client';
import { createItem, NotConfiguredError } from '../bzctrl/create-item';
import type { ReportField } from '../bzctrl/report-form';
import {
  createItemPayloadSchema,
  type Failure,
  isExtensionPage,
  type MessageSender,
  onMessage,
  refused,
  signInPayloadSchema,
} from '../messages';

export function registerMessageHandlers(): void {
  onMessage('signIn', ({ data, sender }) => handleSignIn(data, sender));
  onMessage('signOut', ({ sender }) => handleSignOut(sender));
  onMessage('createItem', ({ data, sender }) => handleCreateItem(data, sender));
}

export async function handleSignIn(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused;
  const payload = signInPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  try {
    const account = await signIn(payload.data.email.trim(), payload.data.password);
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
  if (!isExtensionPage(sender)) return refused;
  await signOut();
  return { ok: true as const };
}

export async function handleCreateItem(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused;
  const payload = createItemPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  try {
    return { ok: true as const, item: await createItem(payload.data) };
  } catch (error) {
    return toFailure(error);
  }
}

function invalid(error: z.core.$ZodError): Failure {
  const fieldErrors: Partial<Record<ReportField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string') fieldErrors[field as ReportField] ??= issue.message;
  }
  return {
    ok: false,
    kind: 'invalid',
    message: error.issues[0]?.message ?? 'Check the form.',
    fieldErrors,
  };
}

/** Every error the worker can meet, as the message the user reads. */
export function toFailure(error: unknown): Failure {
  if (error instanceof SignedOutError) {
    return { ok: false, kind: 'signed-out', message: error.message };
  }
  if (error instanceof NotConfiguredError) {
    return { ok: false, kind: 'not-configured', message: error.message };
  }
  if (error instanceof z.core.$ZodError) return invalid(error);
  if (error instanceof BzCtrlError) return fromBzCtrlError(error);
  return { ok: false, kind: 'server', message: `Something went wrong: ${String(error)}` };
}

function fromBzCtrlError(error: BzCtrlError): Failure {
  const { kind, status } = error;
  if (kind !== 'http') return { ok: false, kind, message: error.message, status };
  if (status === 401) {
    return {
      ok: false,
      kind: 'signed-out',
      status,
      message: `BzCtrl did not accept the session (${error.message}). Sign in again.`,
    };
  }
  if (status === 403) {
    return {
      ok: false,
      kind: 'forbidden',
      status,
      message: 'Your BzCtrl account has no access to this workspace.',
    };
  }
  const failure: Failure = { ok: false, kind: 'server', status, message: error.message };
  if (error.field) failure.fieldErrors = { [error.field as ReportField]: error.message };
  return failure;
}
