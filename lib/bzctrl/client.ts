/**
 * HTTP to BzCtrl: the token endpoint and add-task. Every failure becomes a BzCtrlError that says
 * what the user should read (the server's message where there is one, the HTTP status where not).
 */

import type { z } from 'zod/mini';
import { i18n } from '#i18n';
import { parseRetryAfter } from '../outbox';
import type { AddTaskRequest } from './add-task';
import {
  type AddTaskResponse,
  addTaskResponseSchema,
  type ErrorBody,
  errorBodySchema,
  type TokenResponse,
  tokenResponseSchema,
} from './responses';

export type BzCtrlErrorKind =
  | 'network' // no answer at all: offline, refused, dropped
  | 'timeout' // no answer in time; the request may or may not have been handled
  | 'http' // an answer with an error status
  | 'invalid-response'; // a 2xx answer that is not what the contract says

export class BzCtrlError extends Error {
  constructor(
    readonly kind: BzCtrlErrorKind,
    message: string,
    readonly status?: number,
    /** The form field the server named, when it named one. */
    readonly field?: string,
    readonly oauthError?: string,
    /** How long BzCtrl asked to wait (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'BzCtrlError';
  }
}

export const REQUEST_TIMEOUT_MS = 20_000;

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** OAuth2 token request (password or refresh_token grant), form-encoded. */
export async function requestToken(
  tokenUrl: string,
  grant: Record<string, string>,
  client: ClientCredentials,
): Promise<TokenResponse> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (client.clientId) {
    headers.Authorization = `Basic ${base64(`${client.clientId}:${client.clientSecret}`)}`;
  }
  const response = await send(tokenUrl, {
    method: 'POST',
    headers,
    body: new URLSearchParams(grant).toString(),
  });
  return readJson(response, tokenResponseSchema, 'sign-in');
}

export async function postAddTask(
  addTaskUrl: string,
  accessToken: string,
  body: AddTaskRequest,
): Promise<AddTaskResponse> {
  const response = await send(addTaskUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: `Bearer ${accessToken}`,
    },
    body: JSON.stringify(body),
  });
  return readJson(response, addTaskResponseSchema, 'add-task');
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new BzCtrlError('timeout', i18n.t('error.timeout'));
    }
    const host = URL.canParse(url) ? new URL(url).host : url;
    throw new BzCtrlError('network', i18n.t('error.unreachable', { host }));
  }
}

async function readJson<T>(
  response: Response,
  schema: z.ZodMiniType<T>,
  what: 'sign-in' | 'add-task',
): Promise<T> {
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (!response.ok) {
    throw errorFromResponse(
      response.status,
      json,
      parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const detail =
      json === undefined
        ? i18n.t('error.notJson')
        : (parsed.error.issues[0]?.message ?? i18n.t('error.unexpectedAnswer'));
    throw new BzCtrlError(
      'invalid-response',
      what === 'sign-in'
        ? i18n.t('error.signInNotUnderstood', { detail })
        : i18n.t('error.addTaskNotUnderstood', { detail }),
      response.status,
    );
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns a Spring Boot or OAuth2 error body (or none) into the message the user reads. */
export function errorFromResponse(status: number, json: unknown, retryAfterMs?: number): BzCtrlError {
  const body: ErrorBody = errorBodySchema.safeParse(json).data ?? {};
  const firstFieldError = body.errors?.find((entry) => entry.field);
  const field = firstFieldError?.field ?? fieldNamedIn(body.message);
  // Spring Boot hides exception messages by default and sends "": skip empty texts.
  const message =
    [
      firstFieldError?.defaultMessage,
      firstFieldError?.message,
      body.error_description,
      body.message,
      body.error,
    ].find((text) => text?.trim()) ?? i18n.t('error.httpStatus', { status: String(status) });
  return new BzCtrlError('http', message, status, field, body.error, retryAfterMs);
}

/** Spring's "Validation failed for field 'assignee': …" names the field in the message only. */
function fieldNamedIn(message: string | undefined): string | undefined {
  return message ? /field '([A-Za-z]+)'/.exec(message)?.[1] : undefined;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
