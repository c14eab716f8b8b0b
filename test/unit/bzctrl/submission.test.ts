import { beforeEach, describe, expect, it } from 'vitest';
import { SignedOutError } from '@/lib/bzctrl/auth';
import { BzCtrlError, errorFromResponse } from '@/lib/bzctrl/client';
import { type Decision, type Delivery, decide, deliver } from '@/lib/bzctrl/submission';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { MAX_AUTOMATIC_ATTEMPTS, MAX_RETRY_PERIOD_MS, type OutboxItem } from '@/lib/outbox';
import type { Settings } from '@/lib/settings';
import {
  ACC_DESTINATION,
  addTaskBody,
  configure,
  EMAIL,
  fakeBzCtrl,
  freezeClock,
  json,
  NOW,
  OTHER_EMAIL,
  outboxEntry,
  PROD_ADD_TASK_URL,
  PROD_TOKEN_URL,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  tokenBody,
} from '../helpers';

setUpFakeBrowser();

const ID = 'submission-0001';
const HOUR = 3_600_000;

let settings: Settings;
beforeEach(async () => {
  freezeClock();
  settings = await configure();
  await storeSession(settings);
});

/** An item on its first attempt from the form, just sent. */
const firstAttempt = (overrides: Partial<OutboxItem> = {}) =>
  outboxEntry({ id: ID, state: 'sending', retriesSince: { at: NOW, attempts: 0 }, ...overrides });
const failed = (error: unknown, sent = true): Delivery => ({ ok: false, error, sent });
const tokenExpired = () => json({ error: 'invalid_token', error_description: 'Access token expired' }, 401);
const http = (status: number, retryAfterMs?: number) =>
  errorFromResponse(status, { status, error: `HTTP ${status}` }, retryAfterMs);

describe('decide: what an attempt came to', () => {
  it('is created when BzCtrl answered with the item', () => {
    const response = addTaskBody();
    expect(decide(firstAttempt(), { ok: true, response }, NOW)).toEqual({ outcome: 'created', response });
  });

  const waiting = { outcome: 'waiting', nextAttemptAt: NOW + 5_000 };
  const unknown = { outcome: 'unknown' };
  const refused = (kind: string) => ({ outcome: 'refused', needsSignIn: false, failure: { kind } });
  const needsSignIn = { outcome: 'refused', needsSignIn: true, failure: { kind: 'signed-out' } };

  it.each<[string, unknown, object]>([
    // Surely nothing created: retried by itself.
    ['a request that never left', new BzCtrlError('not-sent', 'BzCtrl could not be reached.'), waiting],
    ['503 Service Unavailable', http(503), waiting],
    ['429 Too Many Requests', http(429), waiting],
    // Maybe created: kept for the user to check.
    ['a connection lost after the request went out', new BzCtrlError('network', 'No answer.'), unknown],
    ['no answer in time', new BzCtrlError('timeout', 'BzCtrl did not answer in time.'), unknown],
    ['a redirect', new BzCtrlError('redirect', 'Redirected.', 303), unknown],
    [
      'a success without a usable taskLink',
      new BzCtrlError('invalid-response', 'No taskLink.', 201),
      unknown,
    ],
    ['500 Internal Server Error', http(500), unknown],
    ['501 Not Implemented', http(501), unknown],
    ['502 Bad Gateway', http(502), unknown],
    ['504 Gateway Timeout', http(504), unknown],
    ['a fault of the extension itself', new Error('storage broke'), unknown],
    // Refused: back to the user.
    ['400 Bad Request', http(400), refused('server')],
    ['403 Forbidden', http(403), refused('forbidden')],
    ['404 Not Found', http(404), refused('server')],
    ['409 Conflict', http(409), refused('server')],
    ['422 Unprocessable Entity', http(422), refused('server')],
    ['401 after the refresh', http(401), needsSignIn],
  ])('after add-task was sent: %s', (_, error, expected) => {
    expect(decide(firstAttempt(), failed(error), NOW)).toMatchObject(expected);
  });

  it.each<[string, unknown, object]>([
    ['no connection to the token endpoint', new BzCtrlError('network', 'No answer.'), waiting],
    ['a token request that timed out', new BzCtrlError('timeout', 'No answer in time.'), waiting],
    ['a token answer that is not a token', new BzCtrlError('invalid-response', 'Not JSON.', 200), waiting],
    ['a token endpoint that redirects', new BzCtrlError('redirect', 'Redirected.', 302), waiting],
    ['a token endpoint answering 500', http(500), waiting],
    ['a token endpoint answering 403', http(403), waiting],
    ['a fault of the extension while getting a token', new Error('storage broke'), waiting],
    ['no session', new SignedOutError(), needsSignIn],
    ['a session of another account', new SignedOutError(`Sign in as ${EMAIL}.`), needsSignIn],
  ])('before add-task was sent: %s', (_, error, expected) => {
    expect(decide(firstAttempt(), failed(error, false), NOW)).toMatchObject(expected);
  });

  it('gives the reason in words, the server’s where it has some', () => {
    expect(decide(firstAttempt(), failed(http(503)), NOW)).toEqual({
      outcome: 'waiting',
      nextAttemptAt: NOW + 5_000,
      reason: 'HTTP 503',
    });
    expect(
      decide(firstAttempt(), failed(new BzCtrlError('timeout', 'BzCtrl did not answer in time.')), NOW),
    ).toEqual({ outcome: 'unknown', reason: 'BzCtrl did not answer in time.' });
  });

  it('refuses with the failure the form shows, with the field BzCtrl named', () => {
    const error = errorFromResponse(400, {
      status: 400,
      errors: [{ field: 'assignee', defaultMessage: 'must be a well-formed email address' }],
    });
    expect(decide(firstAttempt(), failed(error), NOW)).toEqual({
      outcome: 'refused',
      needsSignIn: false,
      failure: {
        ok: false,
        kind: 'server',
        status: 400,
        message: 'must be a well-formed email address',
        fieldErrors: { assignee: 'must be a well-formed email address' },
      },
    });
  });

  it('keeps the message of a refusal that needs another account', () => {
    const error = new SignedOutError(`This item belongs to ${EMAIL}: sign in as ${EMAIL} to send it.`);
    expect(decide(firstAttempt(), failed(error, false), NOW)).toMatchObject({
      outcome: 'refused',
      needsSignIn: true,
      failure: { kind: 'signed-out', message: error.message },
    });
  });
});

describe('decide: when a waiting item is tried again', () => {
  const nextAttempt = (decision: Decision) =>
    decision.outcome === 'waiting' ? decision.nextAttemptAt : `no next attempt: ${decision.outcome}`;

  it('spaces out the attempts of the current run', () => {
    const third = firstAttempt({ attempts: 3, retriesSince: { at: NOW - 60_000, attempts: 0 } });
    expect(nextAttempt(decide(third, failed(http(503)), NOW))).toBe(NOW + 30_000);
  });

  it('waits as long as BzCtrl’s Retry-After asks', () => {
    expect(nextAttempt(decide(firstAttempt(), failed(http(429, 3_000)), NOW))).toBe(NOW + 3_000);
    expect(nextAttempt(decide(firstAttempt(), failed(http(503, 30_000)), NOW))).toBe(NOW + 30_000);
  });

  it('counts the attempts from the start of the current run (the user’s Retry), not from the first', () => {
    const retried = firstAttempt({ attempts: 150, retriesSince: { at: NOW - 1_000, attempts: 149 } });
    expect(nextAttempt(decide(retried, failed(http(503)), NOW))).toBe(NOW + 5_000);
  });

  it('counts an item without a run from its creation', () => {
    const old = firstAttempt({ attempts: 2, retriesSince: undefined, createdAt: NOW - 24 * HOUR });
    expect(decide(old, failed(http(503)), NOW)).toMatchObject({ outcome: 'refused', gaveUp: true });
  });

  it(`gives up after ${MAX_AUTOMATIC_ATTEMPTS} attempts in a run, holding it for the user with the reason`, () => {
    const run = { at: NOW - HOUR, attempts: 0 };
    expect(
      nextAttempt(
        decide(
          firstAttempt({ attempts: MAX_AUTOMATIC_ATTEMPTS - 1, retriesSince: run }),
          failed(http(503)),
          NOW,
        ),
      ),
    ).toBe(NOW + 15 * 60_000);

    const last = firstAttempt({ attempts: MAX_AUTOMATIC_ATTEMPTS, retriesSince: run });
    expect(decide(last, failed(http(503)), NOW)).toEqual({
      outcome: 'refused',
      needsSignIn: false,
      gaveUp: true,
      failure: {
        ok: false,
        kind: 'server',
        status: 503,
        message: `Not sent after ${MAX_AUTOMATIC_ATTEMPTS} attempts (HTTP 503). Retry when BzCtrl can be reached.`,
      },
    });
  });

  it('gives up when the next attempt would come more than 24 hours after the run began', () => {
    const justInTime = firstAttempt({ retriesSince: { at: NOW + 5_000 - MAX_RETRY_PERIOD_MS, attempts: 0 } });
    expect(nextAttempt(decide(justInTime, failed(http(503)), NOW))).toBe(NOW + 5_000);

    const tooLate = firstAttempt({ retriesSince: { at: NOW + 4_999 - MAX_RETRY_PERIOD_MS, attempts: 0 } });
    expect(decide(tooLate, failed(http(503)), NOW)).toMatchObject({ outcome: 'refused', gaveUp: true });
  });

  it('gives up when BzCtrl asks to wait past the 24 hours', () => {
    const item = firstAttempt({ retriesSince: { at: NOW - 23 * HOUR, attempts: 0 } });
    expect(decide(item, failed(http(503, 2 * HOUR)), NOW)).toMatchObject({
      outcome: 'refused',
      gaveUp: true,
    });
  });

  it('bounds failures before sending the same way', () => {
    const last = firstAttempt({ attempts: MAX_AUTOMATIC_ATTEMPTS });
    expect(decide(last, failed(new BzCtrlError('network', 'No answer.'), false), NOW)).toMatchObject({
      outcome: 'refused',
      gaveUp: true,
    });
  });

  it('never gives up on an item of unknown fate: it is not retried by itself at all', () => {
    const last = firstAttempt({ attempts: MAX_AUTOMATIC_ATTEMPTS });
    expect(decide(last, failed(new BzCtrlError('timeout', 'No answer in time.')), NOW)).toMatchObject({
      outcome: 'unknown',
    });
  });
});

describe('deliver', () => {
  it('posts the item’s body to its own add-task URL with the session’s token', async () => {
    const item = firstAttempt();
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(deliver(item, settings)).resolves.toEqual({ ok: true, response: addTaskBody() });

    const [request, ...others] = bzctrl.addTaskRequests();
    expect(others).toEqual([]);
    expect(JSON.parse(request?.body ?? '')).toEqual(item.body);
    expect(request?.headers.authorization).toBe('Bearer access-1');
    expect(bzctrl.tokenRequests()).toEqual([]);
  });

  it('sends to the add-task URL the item was made for, even when another is configured on that server now', async () => {
    const custom = await configure({
      environment: 'custom',
      customTokenUrl: 'https://bzctrl.example.com/oauth/token',
      customAddTaskUrl: 'https://bzctrl.example.com/api/v2/add-task',
    });
    await storeSession(custom);
    const { requests } = stubFetch(() => json(addTaskBody(), 201));
    const item = firstAttempt({
      destination: {
        tokenUrl: 'https://bzctrl.example.com/oauth/token',
        addTaskUrl: 'https://bzctrl.example.com/api/v1/add-task',
        account: EMAIL,
      },
    });

    await expect(deliver(item, custom)).resolves.toMatchObject({ ok: true });
    expect(requests.map((request) => request.url)).toEqual(['https://bzctrl.example.com/api/v1/add-task']);
  });

  it('sends nothing to another server: the item’s own must be chosen, and its account signed in', async () => {
    const item = firstAttempt({ destination: ACC_DESTINATION });
    const bzctrl = fakeBzCtrl({});

    const delivery = await deliver(item, settings);

    expect(delivery).toMatchObject({ ok: false, sent: false });
    const error = delivery.ok ? undefined : delivery.error;
    expect(error).toBeInstanceOf(SignedOutError);
    expect((error as Error).message).toBe(
      `This item belongs to ${EMAIL} on another BzCtrl server: choose that server again and sign in as ${EMAIL} to send it.`,
    );
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('sends nothing as another user: the item’s account must sign in', async () => {
    await storeSession(settings, { email: OTHER_EMAIL });
    const bzctrl = fakeBzCtrl({});

    const delivery = await deliver(firstAttempt(), settings);

    expect(delivery).toMatchObject({ ok: false, sent: false });
    const error = delivery.ok ? undefined : delivery.error;
    expect(error).toBeInstanceOf(SignedOutError);
    expect((error as Error).message).toBe(`This item belongs to ${EMAIL}: sign in as ${EMAIL} to send it.`);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('refreshes the session once after a 401 and sends once more, with the new token', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), json(addTaskBody(), 201)],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    await expect(deliver(firstAttempt(), settings)).resolves.toMatchObject({
      ok: true,
      response: { taskLink: TASK_LINK },
    });

    expect(bzctrl.addTaskRequests().map((request) => request.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(bzctrl.tokenRequests().map((request) => request.url)).toEqual([PROD_TOKEN_URL]);
  });

  it('stops at a second 401, without a second refresh, as sent', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), tokenExpired()],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    const delivery = await deliver(firstAttempt(), settings);

    expect(delivery).toMatchObject({ ok: false, sent: true, error: { kind: 'http', status: 401 } });
    expect(bzctrl.addTaskRequests()).toHaveLength(2);
    expect(bzctrl.tokenRequests()).toHaveLength(1);
  });

  it('reports a failure of add-task as sent', async () => {
    fakeBzCtrl({ addTask: [json({ status: 503, error: 'Service Unavailable' }, 503)] });
    await expect(deliver(firstAttempt(), settings)).resolves.toMatchObject({
      ok: false,
      sent: true,
      error: { kind: 'http', status: 503 },
    });
  });

  it.each([
    ['timed out', () => Promise.reject(new DOMException('t', 'TimeoutError')), 'timeout'],
    [
      'answered with a page that is not a token',
      () => Promise.resolve(new Response('<html>Wi-Fi</html>')),
      'invalid-response',
    ],
    ['got no answer', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ])('reports a refresh that %s as not sent, without calling add-task', async (_, answer, kind) => {
    await storeSession(settings, { lifetimeMs: 0 });
    const { requests } = stubFetch((request) =>
      request.url === PROD_TOKEN_URL ? answer() : json(addTaskBody(), 201),
    );

    await expect(deliver(firstAttempt(), settings)).resolves.toMatchObject({
      ok: false,
      sent: false,
      error: { kind },
    });
    expect(requests.map((request) => request.url)).toEqual([PROD_TOKEN_URL]);
  });

  it('reports a refresh after a 401 that fails as not sent', async () => {
    const { requests } = stubFetch((request) =>
      request.url === PROD_TOKEN_URL ? Promise.reject(new TypeError('Failed to fetch')) : tokenExpired(),
    );

    await expect(deliver(firstAttempt(), settings)).resolves.toMatchObject({
      ok: false,
      sent: false,
      error: { kind: 'network' },
    });
    expect(requests.map((request) => request.url)).toEqual([PROD_ADD_TASK_URL, PROD_TOKEN_URL]);
  });

  it('reports no session as not sent, asking nothing of BzCtrl', async () => {
    await tokensItem.removeValue();
    const bzctrl = fakeBzCtrl({});

    const delivery = await deliver(firstAttempt(), settings);

    expect(delivery).toMatchObject({ ok: false, sent: false });
    expect(delivery.ok ? undefined : delivery.error).toBeInstanceOf(SignedOutError);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });
});
