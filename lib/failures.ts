/**
 * Every way an action can fail, as the popup and options page receive it: a kind to act on, and
 * a message for the user (the server's own where there is one), per field where it names one.
 */

import { z } from 'zod/mini';
import { i18n } from '#i18n';
import { SignedOutError } from './bzctrl/auth';
import { BzCtrlError } from './bzctrl/client';
import type { ReportField } from './bzctrl/report-form';
import { firstMessagePerField } from './field-errors';

export type FailureKind =
  | 'invalid' // the form or payload broke a rule of the contract
  | 'signed-out' // sign in (again) first
  | 'forbidden' // the account may not write to this workspace
  | 'not-configured'
  | 'not-sent' // the request never left: nothing reached BzCtrl
  | 'network' // no usable answer: it may have reached BzCtrl
  | 'timeout'
  | 'redirect'
  | 'server' // BzCtrl answered with an error
  | 'invalid-response'
  | 'refused'; // the sender is not one of the extension's own pages

export interface Failure {
  ok: false;
  kind: FailureKind;
  message: string;
  status?: number | undefined;
  /** Per-field messages, shown next to the fields. */
  fieldErrors?: Partial<Record<ReportField, string>>;
}
export type Result<T> = ({ ok: true } & T) | Failure;

export class NotConfiguredError extends Error {
  constructor() {
    super(i18n.t('error.notConfigured'));
    this.name = 'NotConfiguredError';
  }
}

export function refused(): Failure {
  return { ok: false, kind: 'refused', message: i18n.t('error.refused') };
}

export function invalid(error: z.core.$ZodError): Failure {
  return {
    ok: false,
    kind: 'invalid',
    message: error.issues[0]?.message ?? i18n.t('validation.checkForm'),
    fieldErrors: firstMessagePerField<ReportField>(error),
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
  return { ok: false, kind: 'server', message: i18n.t('error.unexpected', { detail: String(error) }) };
}

function fromBzCtrlError(error: BzCtrlError): Failure {
  const { kind, status } = error;
  if (kind !== 'http') return { ok: false, kind, message: error.message, status };
  if (status === 401) {
    return {
      ok: false,
      kind: 'signed-out',
      status,
      message: i18n.t('error.sessionRefused'),
    };
  }
  if (status === 403) {
    return {
      ok: false,
      kind: 'forbidden',
      status,
      message: i18n.t('error.forbidden'),
    };
  }
  const failure: Failure = { ok: false, kind: 'server', status, message: error.message };
  if (error.field) failure.fieldErrors = { [error.field as ReportField]: error.message };
  return failure;
}
