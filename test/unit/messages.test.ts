import { beforeEach, describe, expect, it } from 'vitest';
import { handleCreateItem, handleSignIn, handleSignOut, toFailure } from '@/lib/background/message-handlers';
import { SignedOutError } from '@/lib/bzctrl/auth';
import { isExtensionPage, type MessageSender, refused } from '@/lib/messages';
import { currentAccount, type Settings, tokensItem } from '@/lib/settings';
import {
  addTaskBody,
  configure,
  EMAIL,
  EXTENSION_PAGE,
  fakeBzCtrl,
  incidentForm,
  json,
  PROD_TOKEN_URL,
  setUpFakeBrowser,
  storeSession,
  TASK_LINK,
  tokenBody,
} from './helpers';

setUpFakeBrowser();

let settings: Settings;
beforeEach(async () => {
  settings = await configure();
});

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
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });
    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, sender)).resolves.toEqual(refused);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await currentAccount()).toBeNull();
  });

  it.each(STRANGERS)('handleCreateItem refuses %s without any request', async (_, sender) => {
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });
    await expect(handleCreateItem(incidentForm(), sender)).resolves.toEqual(refused);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)('handleSignOut refuses %s and keeps the session', async (_, sender) => {
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({});
    await expect(handleSignOut(sender)).resolves.toEqual(refused);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).not.toBeNull();
  });
});

describe('handleSignIn', () => {
  it('signs in with the trimmed e-mail', async () => {
    fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });
    await expect(handleSignIn({ email: ` ${EMAIL} `, password: 'secret' }, EXTENSION_PAGE)).resolves.toEqual({
      ok: true,
      account: { email: EMAIL, tokenUrl: PROD_TOKEN_URL },
    });
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

describe('handleCreateItem', () => {
  beforeEach(async () => {
    await storeSession(settings);
  });

  it('creates the item and answers with it', async () => {
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: true,
      item: { taskLink: TASK_LINK, trusted: true, opened: true },
    });
  });

  it('answers an invalid payload with kind invalid and per-field errors, sending nothing', async () => {
    const bzctrl = fakeBzCtrl({});
    const result = await handleCreateItem(
      incidentForm({ title: ' ', assignee: 'j.devries', status: 'IN PROGRESS' as 'INPROGRESS' }),
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

  it.each([null, 'create', { todoType: 'INCIDENT' }])(
    'answers the payload %j with kind invalid',
    async (payload) => {
      const bzctrl = fakeBzCtrl({});
      await expect(handleCreateItem(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    },
  );

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
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toEqual({
      ok: false,
      kind: 'server',
      status: 400,
      message,
      fieldErrors: { assignee: message },
    });
  });

  it('answers a 403 with kind forbidden', async () => {
    fakeBzCtrl({ addTask: [json({ status: 403, error: 'Forbidden', message: 'Access is denied' }, 403)] });
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
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
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
      status: 401,
    });
    expect(bzctrl.addTaskRequests()).toHaveLength(2);
  });

  it('answers kind signed-out, sending nothing, when nobody is signed in', async () => {
    await configure({ environment: 'acceptance' });
    const bzctrl = fakeBzCtrl({});
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
    });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('answers kind not-configured when no workspace is set', async () => {
    await configure({ domain: '', workspace: '' });
    fakeBzCtrl({});
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'not-configured',
    });
  });

  it.each([
    ['network', () => new TypeError('Failed to fetch')],
    ['timeout', () => new DOMException('x', 'TimeoutError')],
  ] as const)('answers kind %s when the request fails that way', async (kind, failure) => {
    const bzctrl = fakeBzCtrl({});
    bzctrl.fetchMock.mockRejectedValueOnce(failure());
    await expect(handleCreateItem(incidentForm(), EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind,
    });
  });
});

describe('toFailure', () => {
  it('passes on the SignedOutError message', () => {
    expect(toFailure(new SignedOutError('Sign in again.'))).toEqual({
      ok: false,
      kind: 'signed-out',
      message: 'Sign in again.',
    });
  });

  it('turns an unknown error into a server failure that shows it', () => {
    expect(toFailure(new Error('boom'))).toMatchObject({
      ok: false,
      kind: 'server',
      message: expect.stringContaining('boom'),
    });
  });
});
