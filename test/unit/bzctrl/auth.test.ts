import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accessToken, SignedOutError, signIn, signOut } from '@/lib/bzctrl/auth';
import { BzCtrlError } from '@/lib/bzctrl/client';
import { accountItem, currentAccount, type Settings, tokensItem } from '@/lib/settings';
import {
  allStoredText,
  configure,
  deferred,
  EMAIL,
  fakeBzCtrl,
  freezeClock,
  json,
  PROD_TOKEN_URL,
  settle,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  tokenBody,
} from '../helpers';

setUpFakeBrowser();

const PASSWORD = 'Ex@mpl3!-not-stored';
const LIFETIME_MS = 3_600_000;
const T0 = new Date('2026-03-14T09:00:00Z').getTime();

let settings: Settings;
beforeEach(async () => {
  settings = await configure();
});

const grantOf = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('signIn', () => {
  it('sends the password grant to the token URL of the environment', async () => {
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });
    await signIn(EMAIL, PASSWORD);
    expect(bzctrl.tokenRequests().map((request) => grantOf(request.body))).toEqual([
      { grant_type: 'password', username: EMAIL, password: PASSWORD },
    ]);
  });

  it('keeps the tokens and the account in storage.session and the e-mail in local', async () => {
    freezeClock(T0);
    fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1', 3600))] });
    const account = await signIn(EMAIL, PASSWORD);
    expect(account).toEqual({ email: EMAIL, tokenUrl: PROD_TOKEN_URL });
    expect(await fakeBrowser.storage.session.get(['tokens', 'account'])).toEqual({
      tokens: {
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        expiresAt: T0 + LIFETIME_MS,
        lifetimeMs: LIFETIME_MS,
      },
      account: { email: EMAIL, tokenUrl: PROD_TOKEN_URL },
    });
    expect(await fakeBrowser.storage.local.get('lastEmail')).toEqual({ lastEmail: EMAIL });
    expect(await fakeBrowser.storage.local.get(['tokens', 'account'])).toEqual({});
  });

  it('stores the password in no storage area', async () => {
    fakeBzCtrl({ token: [json(tokenBody('access-1', 'refresh-1'))] });
    await signIn(EMAIL, PASSWORD);
    const stored = await allStoredText();
    expect(stored).toContain('access-1');
    expect(stored).not.toContain(PASSWORD);
  });

  it('stores nothing when BzCtrl refuses the credentials', async () => {
    fakeBzCtrl({ token: [json({ error: 'invalid_grant', error_description: 'Bad credentials' }, 400)] });
    await expect(signIn(EMAIL, PASSWORD)).rejects.toMatchObject({ kind: 'http', message: 'Bad credentials' });
    expect(await tokensItem.getValue()).toBeNull();
    expect(await currentAccount()).toBeNull();
  });
});

describe('accessToken', () => {
  it('returns the stored token while it is fresh, without asking BzCtrl', async () => {
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await storeSession(settings);
    await expect(accessToken()).resolves.toBe('access-1');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws SignedOutError when nobody is signed in', async () => {
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await expect(accessToken()).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the token until 30 s before it expires, then refreshes it with the refresh token', async () => {
    freezeClock(T0);
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-2', 'refresh-2'))] });

    vi.setSystemTime(T0 + LIFETIME_MS - 31_000);
    await expect(accessToken()).resolves.toBe('access-1');
    expect(bzctrl.tokenRequests()).toHaveLength(0);

    vi.setSystemTime(T0 + LIFETIME_MS - 29_000);
    await expect(accessToken()).resolves.toBe('access-2');
    expect(bzctrl.tokenRequests().map((request) => grantOf(request.body))).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'refresh-1' },
    ]);
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('keeps the old refresh token when the refresh answer carries none', async () => {
    freezeClock(T0);
    await storeSession(settings);
    fakeBzCtrl({ token: [json({ access_token: 'access-2', expires_in: 3600 })] });
    vi.setSystemTime(T0 + LIFETIME_MS);
    await expect(accessToken()).resolves.toBe('access-2');
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-1' });
  });

  it('sends one refresh for three concurrent callers of an expired token, and gives all the new one', async () => {
    freezeClock(T0);
    await storeSession(settings);
    vi.setSystemTime(T0 + LIFETIME_MS);
    const refreshAsked = deferred<void>();
    const refreshAnswer = deferred<Response>();
    const { requests } = stubFetch(() => {
      refreshAsked.resolve();
      return refreshAnswer.promise;
    });

    const callers = Promise.all([accessToken(), accessToken(), accessToken()]);
    await refreshAsked.promise;
    // All three are waiting now; the refresh is still unanswered.
    await settle();
    expect(requests).toHaveLength(1);
    refreshAnswer.resolve(json(tokenBody('access-2', 'refresh-2')));

    await expect(callers).resolves.toEqual(['access-2', 'access-2', 'access-2']);
    expect(requests).toHaveLength(1);
  });

  it('refreshes a token BzCtrl rejected even though it looks fresh', async () => {
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-2', 'refresh-2'))] });
    await expect(accessToken('access-1')).resolves.toBe('access-2');
    expect(bzctrl.tokenRequests()).toHaveLength(1);
  });

  it('does not refresh a rejected token that another caller has already replaced', async () => {
    await storeSession(settings, { accessToken: 'access-2' });
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await expect(accessToken('access-1')).resolves.toBe('access-2');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([400, 401])(
    'signs out and throws SignedOutError when BzCtrl refuses the refresh with %i',
    async (status) => {
      await storeSession(settings);
      fakeBzCtrl({
        token: [json({ error: 'invalid_grant', error_description: 'Invalid refresh token' }, status)],
      });
      await expect(accessToken('access-1')).rejects.toBeInstanceOf(SignedOutError);
      expect(await tokensItem.getValue()).toBeNull();
      expect(await accountItem.getValue()).toBeNull();
    },
  );

  it('stays signed in when the refresh fails for lack of network', async () => {
    await storeSession(settings);
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await accessToken('access-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BzCtrlError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(await currentAccount()).toEqual({ email: EMAIL, tokenUrl: PROD_TOKEN_URL });
  });

  it('signs out when the token expired and there is no refresh token', async () => {
    freezeClock(T0);
    await storeSession(settings, { refreshToken: '' });
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    vi.setSystemTime(T0 + LIFETIME_MS);
    await expect(accessToken()).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).toBeNull();
  });
});

describe('environment switch and sign-out', () => {
  it('counts nobody as signed in after the environment is switched', async () => {
    await storeSession(settings);
    expect(await currentAccount()).not.toBeNull();
    await configure({ environment: 'acceptance' });
    expect(await currentAccount()).toBeNull();
    await expect(accessToken()).rejects.toBeInstanceOf(SignedOutError);
  });

  it('counts nobody as signed in after the sandbox port is changed', async () => {
    const sandbox = await configure({ environment: 'sandbox', sandboxUrl: 'http://127.0.0.1:8787' });
    await storeSession(sandbox);
    await configure({ environment: 'sandbox', sandboxUrl: 'http://127.0.0.1:8788' });
    expect(await currentAccount()).toBeNull();
  });

  it('signOut removes the tokens and the account', async () => {
    await storeSession(settings);
    await signOut();
    expect(await tokensItem.getValue()).toBeNull();
    expect(await currentAccount()).toBeNull();
  });
});
