import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleDiscard,
  handleRetry,
  handleSignIn,
  handleSignOut,
  handleSubmit,
} from '@/lib/background/message-handlers';
import { OUTBOX_ALARM, sendDueItems } from '@/lib/background/outbox-runner';
import { SignedOutError } from '@/lib/bzctrl/auth';
import { NotConfiguredError, refused, toFailure } from '@/lib/failures';
import { isExtensionPage, type MessageSender } from '@/lib/messages';
import { outboxItem, putItem } from '@/lib/outbox';
import { currentAccount, historyItem, type Settings, tokensItem } from '@/lib/settings';
import {
  addTaskBody,
  configure,
  deferred,
  EMAIL,
  EXTENSION_PAGE,
  fakeBzCtrl,
  freezeClock,
  incidentForm,
  json,
  NOW,
  outboxEntry,
  PROD_ADD_TASK_URL,
  PROD_TOKEN_URL,
  settle,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  tokenBody,
} from './helpers';

setUpFakeBrowser();

const ID = 'b7c6a1de-4f1e-4c1a-9d7e-0f6a2b3c4d5e';

let settings: Settings;
beforeEach(async () => {
  settings = await configure();
});

const submission = (form = incidentForm()) => ({ id: ID, form });
const heldForSignIn = () =>
  outboxEntry({ id: ID, state: 'held', needsSignIn: true, nextAttemptAt: undefined });

// Senders that must never be obeyed, as the browser would report them.
const STRANGERS: [string, MessageSender][] = [
  [
    'a content script on a web page',
    { id: 'test-extension-id', url: 'https://evil.example/', tab: {}, frameId: 0 },
  ],
  [
    'another extension',
    { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' },
  ],
  ['another extension naming our page', { id: 'other-extension-id', url: EXTENSION_PAGE.url }],
  ['a sender without url', { id: 'test-extension-id' }],
  ['a sender without id', { url: EXTENSION_PAGE.url }],
  ['a sender with a garbage url', { id: 'test-extension-id', url: 'not a url' }],
];

describe('isExtensionPage', () => {
  it('is true for the extension’s own popup and options page', () => {
    expect(isExtensionPage(EXTENSION_PAGE)).toBe(true);
    expect(
      isExtensionPage({ id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' }),
    ).toBe(true);
  });

  it.each(STRANGERS)('is false for %s', (_, sender) => {
    expect(isExtensionPage(sender)).toBe(false);
  });

  // A content script injected into an about:blank or data: frame reports that frame's URL.
  it.each([
    'about:blank',
    'data:text/html,<script>chrome.runtime.sendMessage({})</script>',
    'chrome-extension://other-extension-id/popup.html',
  ])('is false for our id with the non-extension-page url %s', (url) => {
    expect(isExtensionPage({ id: 'test-extension-id', url })).toBe(false);
  });
});

describe('handlers refuse senders other than the extension’s pages', () => {
  it.each(STRANGERS)('handleSignIn refuses %s without any request', async (_, sender) => {
    const held = heldForSignIn();
    await putItem(held);
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });

    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, sender)).resolves.toEqual(refused());
    await settle();

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await currentAccount()).toBeNull();
    expect(await outboxItem.getValue()).toEqual([held]);
  });

  it.each(STRANGERS)('handleSubmit refuses %s without any request, keeping nothing', async (_, sender) => {
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(handleSubmit(submission(), sender)).resolves.toEqual(refused());

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it.each(STRANGERS)('handleSignOut refuses %s and keeps the session', async (_, sender) => {
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({});

    await expect(handleSignOut(sender)).resolves.toEqual(refused());

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).not.toBeNull();
  });

  it.each(STRANGERS)('handleRetry refuses %s without any request', async (_, sender) => {
    await storeSession(settings);
    const held = outboxEntry({ id: ID, state: 'held', nextAttemptAt: undefined });
    await putItem(held);
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(handleRetry({ id: ID }, sender)).resolves.toEqual(refused());

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([held]);
  });

  it.each(STRANGERS)('handleDiscard refuses %s and keeps the item', async (_, sender) => {
    const item = outboxEntry({ id: ID });
    await putItem(item);
    const bzctrl = fakeBzCtrl({});

    await expect(handleDiscard({ id: ID }, sender)).resolves.toEqual(refused());

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([item]);
  });
});

describe('handleSignIn', () => {
  it('signs in with the trimmed e-mail', async () => {
    fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });

    await expect(handleSignIn({ email: ` ${EMAIL} `, password: 'secret' }, EXTENSION_PAGE)).resolves.toEqual({
      ok: true,
      account: { email: EMAIL, tokenUrl: PROD_TOKEN_URL },
    });
    await settle(); // lets the outbox pass the sign-in starts finish
  });

  it('sends what waited in the outbox for a sign-in, once signed in', async () => {
    await putItem(heldForSignIn());
    const requested = deferred<void>();
    const created = deferred<Response>();
    const { requests } = stubFetch((request) => {
      if (request.url === PROD_TOKEN_URL) return json(tokenBody('access-1', 'refresh-1'));
      requested.resolve();
      return created.promise;
    });

    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
    });
    await requested.promise;
    created.resolve(json(addTaskBody(), 201));
    await sendDueItems(); // joins the pass the sign-in started

    expect(requests.map((request) => request.url)).toEqual([PROD_TOKEN_URL, PROD_ADD_TASK_URL]);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: TASK_LINK }]);
  });

  it('answers an invalid payload with its field errors, sending nothing', async () => {
    const bzctrl = fakeBzCtrl({});
    const result = await handleSignIn({ email: 'j.devries', password: '' }, EXTENSION_PAGE);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(result.ok ? {} : Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'password']);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('passes on the server’s word when the credentials are refused', async () => {
    fakeBzCtrl({ token: [json({ error: 'invalid_grant', error_description: 'Bad credentials' }, 400)] });
    await expect(handleSignIn({ email: EMAIL, password: 'wrong' }, EXTENSION_PAGE)).resolves.toEqual({
      ok: false,
      kind: 'server',
      status: 400,
      message: 'Bad credentials',
    });
  });

  it('reports a network failure as such', async () => {
    fakeBzCtrl({});
    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'network',
    });
  });
});

describe('handleSignOut', () => {
  it('ends the session for the extension’s own page', async () => {
    await storeSession(settings);
    await expect(handleSignOut(EXTENSION_PAGE)).resolves.toEqual({ ok: true });
    expect(await tokensItem.getValue()).toBeNull();
  });
});

describe('handleSubmit', () => {
  beforeEach(async () => {
    await storeSession(settings);
  });

  it('creates the item and answers with it', async () => {
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: TASK_LINK, trusted: true, opened: true },
    });
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers queued for a submission BzCtrl could not take now, schedules its retry and counts it', async () => {
    freezeClock();
    await storeSession(settings);
    fakeBzCtrl({ addTask: [json({ status: 503, error: 'Service Unavailable' }, 503)] });

    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      status: 'queued',
      outbox: { id: ID, state: 'waiting' },
    });

    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toMatchObject({
      scheduledTime: NOW + 5_000,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('sends one request for the same submission sent twice', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [json({ status: 503, error: 'Service Unavailable' }, 503)] });

    await handleSubmit(submission(), EXTENSION_PAGE);
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      status: 'queued',
    });

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });

  // A fixed bug: the submit payload nests the form under `form`, and invalid() keyed field errors
  // by the first path segment only, so every error of the form landed under the key "form".
  it('answers an invalid form with kind invalid and per-field errors, sending nothing', async () => {
    const bzctrl = fakeBzCtrl({});
    const result = await handleSubmit(
      submission(incidentForm({ title: ' ', assignee: 'j.devries', status: 'IN PROGRESS' as 'INPROGRESS' })),
      EXTENSION_PAGE,
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(result.ok ? {} : Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'assignee',
      'status',
      'title',
    ]);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    null,
    'create',
    { todoType: 'INCIDENT' },
    incidentForm(),
    { id: ID },
    { id: ID, form: null },
    { id: 'short', form: incidentForm() },
    { id: 'has spaces in it', form: incidentForm() },
    { id: 'x'.repeat(65), form: incidentForm() },
  ])('answers the payload %j with kind invalid, sending nothing', async (payload) => {
    const bzctrl = fakeBzCtrl({});
    await expect(handleSubmit(payload, EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('shows a 400 that names a field next to that field', async () => {
    const message = 'must be a well-formed email address';
    fakeBzCtrl({
      addTask: [
        json(
          { status: 400, error: 'Bad Request', errors: [{ field: 'assignee', defaultMessage: message }] },
          400,
        ),
      ],
    });
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toEqual({
      ok: false,
      kind: 'server',
      status: 400,
      message,
      fieldErrors: { assignee: message },
    });
  });

  it('answers a 403 with kind forbidden', async () => {
    fakeBzCtrl({ addTask: [json({ status: 403, error: 'Forbidden', message: 'Access is denied' }, 403)] });
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'forbidden',
      status: 403,
    });
  });

  it('answers a second 401 with kind signed-out', async () => {
    const expired = () => json({ error: 'invalid_token', error_description: 'Access token expired' }, 401);
    const bzctrl = fakeBzCtrl({
      addTask: [expired(), expired()],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
      status: 401,
    });
    expect(bzctrl.addTaskRequests()).toHaveLength(2);
  });

  it('answers kind signed-out, sending nothing, when nobody is signed in', async () => {
    await configure({ environment: 'acceptance' });
    const bzctrl = fakeBzCtrl({});
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
    });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('answers kind not-configured when no workspace is set', async () => {
    await configure({ domain: '', workspace: '' });
    fakeBzCtrl({});
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'not-configured',
    });
  });

  it.each([
    ['a network error', 'waiting', new TypeError('Failed to fetch')],
    ['a timeout', 'unknown', new DOMException('x', 'TimeoutError')],
  ] as const)('keeps the submission in the outbox after %s, as %s', async (_, state, failure) => {
    const bzctrl = fakeBzCtrl({});
    bzctrl.fetchMock.mockRejectedValueOnce(failure);
    await expect(handleSubmit(submission(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      status: 'queued',
      outbox: { id: ID, state },
    });
    expect(await outboxItem.getValue()).toMatchObject([{ id: ID, state }]);
  });
});

describe('handleRetry', () => {
  beforeEach(async () => {
    await storeSession(settings);
  });

  it('sends the item at once and answers with what became of it', async () => {
    await putItem(outboxEntry({ id: ID, nextAttemptAt: Date.now() + 600_000 }));
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(handleRetry({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true, item: undefined });

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers with the item still in the outbox when it fails again', async () => {
    await putItem(outboxEntry({ id: ID, state: 'held', nextAttemptAt: undefined }));
    fakeBzCtrl({ addTask: [json({ status: 503, error: 'Service Unavailable' }, 503)] });

    await expect(handleRetry({ id: ID }, EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      item: { id: ID, state: 'waiting' },
    });
  });

  it('sends nothing for an id not in the outbox', async () => {
    const bzctrl = fakeBzCtrl({});
    await expect(handleRetry({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true, item: undefined });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it.each([null, {}, { id: 42 }, { id: 'x'.repeat(65) }])(
    'answers the payload %j with kind invalid, sending nothing',
    async (payload) => {
      const bzctrl = fakeBzCtrl({});
      await expect(handleRetry(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    },
  );
});

describe('handleDiscard', () => {
  it('removes the item, clears the retry alarm and the badge', async () => {
    await putItem(outboxEntry({ id: ID, nextAttemptAt: Date.now() + 60_000 }));
    await fakeBrowser.alarms.create(OUTBOX_ALARM, { when: Date.now() + 60_000 });
    await fakeBrowser.action.setBadgeText({ text: '1' });

    await expect(handleDiscard({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true });

    expect(await outboxItem.getValue()).toEqual([]);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps the other items', async () => {
    const other = outboxEntry({ id: 'other-submission', state: 'unknown', nextAttemptAt: undefined });
    await putItem(outboxEntry({ id: ID }));
    await putItem(other);

    await handleDiscard({ id: ID }, EXTENSION_PAGE);

    expect(await outboxItem.getValue()).toEqual([other]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it.each([null, {}, { id: 42 }])(
    'answers the payload %j with kind invalid, removing nothing',
    async (payload) => {
      const item = outboxEntry({ id: ID });
      await putItem(item);
      await expect(handleDiscard(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(await outboxItem.getValue()).toEqual([item]);
    },
  );
});

describe('toFailure', () => {
  it('passes on the SignedOutError message', () => {
    expect(toFailure(new SignedOutError('Sign in again.'))).toEqual({
      ok: false,
      kind: 'signed-out',
      message: 'Sign in again.',
    });
  });

  it('answers kind not-configured for NotConfiguredError', () => {
    expect(toFailure(new NotConfiguredError())).toMatchObject({ ok: false, kind: 'not-configured' });
  });

  it('turns an unknown error into a server failure that shows it', () => {
    expect(toFailure(new Error('boom'))).toMatchObject({
      ok: false,
      kind: 'server',
      message: expect.stringContaining('boom'),
    });
  });
});
