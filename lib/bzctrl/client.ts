/**
 * HTTP to BzCtrl: the token endpoint and add-task. Every failure becomes a BzCtrlError that says
 * what the user should read (the server's message where there is one, the HTTP status where not).
 */

import type { z } from 'zod/mini';
import { i18n } from '#i18n';
import type { AddTaskRequest } from './add-task';
import { isAllowedServerUrl } from './environments';
import {
  type AddTaskResponse,
  addTaskResponseSchema,
  type ErrorBody,
  errorBodySchema,
  type TokenResponse,
  tokenResponseSchema,
} from './responses';

export type BzCtrlErrorKind =
  | 'not-sent' // the request surely never left: offline, name not resolved, connection refused
  | 'network' // no usable answer, and the request may have reached BzCtrl (reset, empty, blocked)
  | 'timeout' // no answer in time; the request may or may not have been handled
  | 'redirect' // BzCtrl answered with a redirect, which may mean it took the request
  | 'http' // an answer with an error status
  | 'invalid-response'; // a 2xx answer that is not what the contract says (or broke off midway)

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

/**
 * Why a request to `url` that started at `since` failed, in the browser's words
 * (`net::ERR_CONNECTION_REFUSED`), when the browser says: see lib/background/network-errors.ts.
 */
export type NetworkErrorExplainer = (url: string, since: number) => Promise<string | undefined>;

let explainNetworkError: NetworkErrorExplainer = async () => undefined;

/** The worker tells the client how to learn why a request failed; without it, nothing is known. */
export function setNetworkErrorExplainer(explainer: NetworkErrorExplainer): void {
  explainNetworkError = explainer;
}

/**
 * The browser's network errors after which the request surely never reached a server: no
 * connection was ever made, so BzCtrl cannot have created anything (Chrome's `net::ERR_…`,
 * Firefox's `NS_ERROR_…`). A reset, an empty answer or a read timeout may come after BzCtrl
 * took the request, and are not here.
 */
const NEVER_LEFT = new Set([
  'net::ERR_INTERNET_DISCONNECTED',
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_NAME_RESOLUTION_FAILED',
  'net::ERR_CONNECTION_REFUSED',
  'net::ERR_ADDRESS_UNREACHABLE',
  'net::ERR_CONNECTION_TIMED_OUT',
  'net::ERR_PROXY_CONNECTION_FAILED',
  'NS_ERROR_OFFLINE',
  'NS_ERROR_UNKNOWN_HOST',
  'NS_ERROR_CONNECTION_REFUSED',
  'NS_ERROR_PROXY_CONNECTION_REFUSED',
]);

export function neverLeft(networkError: string): boolean {
  return NEVER_LEFT.has(networkError);
}

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

/** The add-task requests of this worker, one after another (see postAddTask). */
let addTasks: Promise<unknown> = Promise.resolve();

/**
 * One add-task request at a time: all go to one address, and the browser's error for a request
 * that failed is told apart from another's only by address and time. Two at once (the form's Create
 * while the outbox retries) could each take the other's, and one that may have reached BzCtrl be
 * taken for one that surely did not, and sent again by itself.
 */
export function postAddTask(
  addTaskUrl: string,
  accessToken: string,
  body: AddTaskRequest,
): Promise<AddTaskResponse> {
  const request = addTasks.then(() => postAddTaskNow(addTaskUrl, accessToken, body));
  addTasks = request.catch(() => undefined);
  return request;
}

async function postAddTaskNow(
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
  // The password and tokens go only to https, or to this machine (policy or storage could say otherwise).
  if (!isAllowedServerUrl(url)) throw new BzCtrlError('not-sent', i18n.t('error.unsafeUrl', { url }));
  const startedAt = Date.now();
  // Offline before it went out: then surely not sent. Offline only by the time it failed (the
  // network dropped while BzCtrl answered) says nothing of that: the browser's error does.
  const offlineAtStart = typeof navigator !== 'undefined' && navigator.onLine === false;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      // A redirect is an answer (post/redirect/get: BzCtrl may have taken the item), never followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new BzCtrlError('timeout', i18n.t('error.timeout'));
    }
    throw await failureOf(url, startedAt, offlineAtStart);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new BzCtrlError('redirect', i18n.t('error.redirected'), response.status || undefined);
  }
  return response;
}

/** A request that got no answer: did it surely never leave, or may it have reached the server? */
async function failureOf(url: string, startedAt: number, offline: boolean): Promise<BzCtrlError> {
  const host = URL.canParse(url) ? new URL(url).host : url;
  const reason = offline ? 'offline' : await explainNetworkError(url, startedAt).catch(() => undefined);
  if (offline || (reason && neverLeft(reason))) {
    return new BzCtrlError('not-sent', i18n.t('error.unreachable', { host }));
  }
  return new BzCtrlError('network', i18n.t('error.noAnswerFrom', { host }));
}

async function readJson<T>(
  response: Response,
  schema: z.ZodMiniType<T>,
  what: 'sign-in' | 'add-task',
): Promise<T> {
  // An answer that breaks off midway reads as no body: a 2xx one is then not understood.
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

/** Retry-After as seconds ("120") or an HTTP date, in ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 24 * 3600) * 1000;
  // An HTTP date says GMT (RFC 9110); anything else ("-5", "1.5") is not one, whatever Date.parse makes of it.
  if (!/GMT$/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
