import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accessToken, SignedOutError, signIn, signOut, signOutIfServerChanged } from '@/lib/bzctrl/auth';
import { BzCtrlError } from '@/lib/bzctrl/client';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { accountItem, currentAccount, type Settings } from '@/lib/settings';
import {
  allStoredText,
  configure,
  deferred,
  EMAIL,
  fakeBzCtrl,
  freezeClock,
  json,
  OTHER_EMAIL,
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
/** The access token accessToken gives, without its account. */
const token = async (from: Settings, rejected?: string) => (await accessToken(from, rejected)).accessToken;

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
  it('returns the stored token while it is fresh, with whose it is, without asking BzCtrl', async () => {
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await storeSession(settings);
    await expect(accessToken(settings)).resolves.toEqual({
      accessToken: 'access-1',
      account: { email: EMAIL, tokenUrl: PROD_TOKEN_URL },
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws SignedOutError when nobody is signed in', async () => {
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await expect(accessToken(settings)).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the token until 30 s before it expires, then refreshes it with the refresh token', async () => {
    freezeClock(T0);
    await storeSession(settings);
    const bzctrl = fakeBzCtrl({ token: [json(tokenBody('access-2', 'refresh-2'))] });

    vi.setSystemTime(T0 + LIFETIME_MS - 31_000);
    await expect(token(settings)).resolves.toBe('access-1');
    expect(bzctrl.tokenRequests()).toHaveLength(0);

    vi.setSystemTime(T0 + LIFETIME_MS - 29_000);
    await expect(token(settings)).resolves.toBe('access-2');
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
    await expect(token(settings)).resolves.toBe('access-2');
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

    const callers = Promise.all([token(settings), token(settings), token(settings)]);
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
    await expect(token(settings, 'access-1')).resolves.toBe('access-2');
    expect(bzctrl.tokenRequests()).toHaveLength(1);
  });

  it('does not refresh a rejected token that another caller has already replaced', async () => {
    await storeSession(settings, { accessToken: 'access-2' });
    const { fetchMock } = stubFetch(() => json(tokenBody('unexpected', 'unexpected')));
    await expect(token(settings, 'access-1')).resolves.toBe('access-2');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([400, 401])(
    'signs out and throws SignedOutError when BzCtrl refuses the refresh with %i',
    async (status) => {
      await storeSession(settings);
      fakeBzCtrl({
        token: [json({ error: 'invalid_grant', error_description: 'Invalid refresh token' }, status)],
      });
      await expect(accessToken(settings, 'access-1')).rejects.toBeInstanceOf(SignedOutError);
      expect(await tokensItem.getValue()).toBeNull();
      expect(await accountItem.getValue()).toBeNull();
    },
  );

  it('stays signed in when the refresh fails for lack of network', async () => {
    await storeSession(settings);
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await accessToken(settings, 'access-1').catch((caught: unknown) => caught);
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
    await expect(accessToken(settings)).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).toBeNull();
  });
});

describe('environment switch and sign-out', () => {
  it('counts nobody as signed in after the environment is switched', async () => {
    await storeSession(settings);
    expect(await currentAccount()).not.toBeNull();
    const acceptance = await configure({ environment: 'acceptance' });
    expect(await currentAccount()).toBeNull();
    await expect(accessToken(acceptance)).rejects.toBeInstanceOf(SignedOutError);
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

describe('signOutIfServerChanged', () => {
  it('ends the session when the server in force is no longer the one that issued it', async () => {
    await storeSession(settings);
    await configure({ environment: 'acceptance' });

    await signOutIfServerChanged();

    expect(await tokensItem.getValue()).toBeNull();
    expect(await accountItem.getValue()).toBeNull();
  });

  it('keeps the session when only something else changed', async () => {
    await storeSession(settings);
    await configure({ workspace: 'FIN' });

    await signOutIfServerChanged();

    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-1' });
    expect(await accountItem.getValue()).toEqual({ email: EMAIL, tokenUrl: PROD_TOKEN_URL });
  });
});

// A session ends when the user signs out, signs in (as anyone) or the server changes: a token
// request still on its way then belongs to a session that is over. Its answer is dropped.
describe('a session that ends while its tokens are read', () => {
  it('is not refreshed: no token request with its refresh token, nothing stored', async () => {
    freezeClock(T0);
    await storeSession(settings);
    vi.setSystemTime(T0 + LIFETIME_MS); // expiring: accessToken would refresh
    const read = tokensItem.getValue.bind(tokensItem);
    let signedOut: Promise<void> | undefined;
    vi.spyOn(tokensItem, 'getValue').mockImplementationOnce(async () => {
      const tokens = await read();
      signedOut = signOut(); // the user's Sign out, handled while the read was on its way
      return tokens;
    });
    const { requests } = stubFetch(() => json(tokenBody('access-2', 'refresh-2')));

    await expect(accessToken(settings)).rejects.toBeInstanceOf(SignedOutError);
    await signedOut;

    expect(requests).toHaveLength(0);
    expect(await tokensItem.getValue()).toBeNull();
  });
});

describe('a token request of a session that ended on its way', () => {
  /** A refresh on its way: accessToken's promise, once BzCtrl has been asked. */
  async function refreshOnItsWay() {
    freezeClock(T0);
    await storeSession(settings);
    vi.setSystemTime(T0 + LIFETIME_MS);
    const asked = deferred<void>();
    const answer = deferred<Response>();
    const signInAnswers: Response[] = [];
    stubFetch((request) => {
      if (grantOf(request.body).grant_type === 'password') {
        const next = signInAnswers.shift();
        if (!next) throw new Error('unexpected sign-in');
        return next;
      }
      asked.resolve();
      return answer.promise;
    });
    const refreshed = accessToken(settings).catch((caught: unknown) => caught);
    await asked.promise;
    return { refreshed, answer, signInAnswers };
  }

  it('is dropped after a sign-out: nothing stored, SignedOutError', async () => {
    const { refreshed, answer } = await refreshOnItsWay();

    await signOut();
    answer.resolve(json(tokenBody('access-2', 'refresh-2')));

    expect(await refreshed).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toBeNull();
    expect(await accountItem.getValue()).toBeNull();
  });

  it('is dropped after a sign-in as someone else, whose session stays as it is', async () => {
    const { refreshed, answer, signInAnswers } = await refreshOnItsWay();
    signInAnswers.push(json(tokenBody('access-of-someone-else', 'refresh-of-someone-else')));

    await signIn(OTHER_EMAIL, PASSWORD);
    answer.resolve(json(tokenBody('access-2', 'refresh-2')));

    expect(await refreshed).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-of-someone-else' });
    expect(await accountItem.getValue()).toEqual({ email: OTHER_EMAIL, tokenUrl: PROD_TOKEN_URL });
  });

  it('is dropped after the server changed', async () => {
    const { refreshed, answer } = await refreshOnItsWay();

    await configure({ environment: 'acceptance' });
    answer.resolve(json(tokenBody('access-2', 'refresh-2')));

    expect(await refreshed).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-1' });
  });

  // A fixed bug: a refresh refused (or failed) after its session ended came back as that
  // failure, not SignedOutError: the outbox then retried the item as waiting, and the form queued
  // it instead of asking for a sign-in.
  it('is dropped when refused, ending no session that began since', async () => {
    const { refreshed, answer, signInAnswers } = await refreshOnItsWay();
    signInAnswers.push(json(tokenBody('access-new', 'refresh-new')));

    await signIn(EMAIL, PASSWORD);
    answer.resolve(json({ error: 'invalid_grant', error_description: 'Invalid refresh token' }, 400));

    expect(await refreshed).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-new' });
    expect(await currentAccount()).toEqual({ email: EMAIL, tokenUrl: PROD_TOKEN_URL });
  });

  it('is dropped when it failed, after a sign-out', async () => {
    const { refreshed, answer } = await refreshOnItsWay();

    await signOut();
    answer.reject(new TypeError('Failed to fetch'));

    expect(await refreshed).toBeInstanceOf(SignedOutError);
  });

  it('is not joined by a refresh of the session that followed', async () => {
    const { refreshed, answer, signInAnswers } = await refreshOnItsWay();
    signInAnswers.push(json(tokenBody('access-new', 'refresh-new', 1)));
    await signIn(EMAIL, PASSWORD);
    vi.setSystemTime(T0 + LIFETIME_MS + 1_000);
    const next = deferred<Response>();
    answer.resolve(json(tokenBody('access-old', 'refresh-old')));
    const fresh = stubFetch(() => next.promise);

    const second = token(settings);
    await vi.waitFor(() => expect(fresh.requests).toHaveLength(1));
    next.resolve(json(tokenBody('access-new-2', 'refresh-new-2')));

    await expect(second).resolves.toBe('access-new-2');
    expect(grantOf(fresh.requests[0]?.body ?? '')).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-new',
    });
    expect(await refreshed).toBeInstanceOf(SignedOutError);
  });

  it('of a sign-in whose answer comes after a sign-out, stores nothing', async () => {
    const asked = deferred<void>();
    const answer = deferred<Response>();
    stubFetch(() => {
      asked.resolve();
      return answer.promise;
    });
    const signingIn = signIn(EMAIL, PASSWORD).catch((caught: unknown) => caught);
    await asked.promise;

    await signOut();
    answer.resolve(json(tokenBody('access-1', 'refresh-1')));

    expect(await signingIn).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toBeNull();
    expect(await accountItem.getValue()).toBeNull();
  });

  it('of a sign-in whose answer comes after another sign-in, stores only the later one', async () => {
    const answers = [deferred<Response>(), deferred<Response>()];
    let asked = 0;
    stubFetch(() => answers[asked++]?.promise ?? Promise.reject(new Error('unexpected request')));
    const first = signIn(EMAIL, PASSWORD).catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(asked).toBe(1));
    const second = signIn(OTHER_EMAIL, PASSWORD);
    await vi.waitFor(() => expect(asked).toBe(2));

    answers[1]?.resolve(json(tokenBody('access-of-someone-else', 'refresh-2')));
    await second;
    answers[0]?.resolve(json(tokenBody('access-1', 'refresh-1')));

    expect(await first).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toMatchObject({ accessToken: 'access-of-someone-else' });
    expect(await accountItem.getValue()).toEqual({ email: OTHER_EMAIL, tokenUrl: PROD_TOKEN_URL });
  });

  it('of a sign-in whose answer comes after the server changed, stores nothing', async () => {
    const asked = deferred<void>();
    const answer = deferred<Response>();
    stubFetch(() => {
      asked.resolve();
      return answer.promise;
    });
    const signingIn = signIn(EMAIL, PASSWORD).catch((caught: unknown) => caught);
    await asked.promise;

    await configure({ environment: 'acceptance' });
    answer.resolve(json(tokenBody('access-1', 'refresh-1')));

    expect(await signingIn).toBeInstanceOf(SignedOutError);
    expect(await tokensItem.getValue()).toBeNull();
  });
});

// Reading whose session it is and its token takes two reads: a sign-in in between must not pair
// one account with another's token.
describe('a session that begins while its token is read', () => {
  /** Makes the next read of the tokens wait for `meanwhile`, as if it came just then. */
  function duringTheNextTokenRead(meanwhile: () => Promise<unknown>, { readFirst = false } = {}) {
    const read = tokensItem.getValue.bind(tokensItem);
    vi.spyOn(tokensItem, 'getValue').mockImplementationOnce(async () => {
      const before = await read();
      await meanwhile();
      return readFirst ? before : read();
    });
  }

  // A fixed bug: accessToken paired the account it read first with the tokens read after a
  // sign-in as someone else, so an item of one account could go out with another's token.
  it('gives neither the old account with the new token, nor the new token at all', async () => {
    await storeSession(settings);
    stubFetch(() => json(tokenBody('access-of-someone-else', 'refresh-2')));
    duringTheNextTokenRead(() => signIn(OTHER_EMAIL, PASSWORD));

    await expect(accessToken(settings)).rejects.toBeInstanceOf(SignedOutError);
    expect(await accountItem.getValue()).toEqual({ email: OTHER_EMAIL, tokenUrl: PROD_TOKEN_URL });
  });

  // A fixed bug: the refresh of an expired session without a refresh token signed out whatever
  // session was in force by then, the new one too.
  it('is not signed out by the end of the session before it', async () => {
    freezeClock(T0);
    await storeSession(settings, { refreshToken: '' });
    vi.setSystemTime(T0 + LIFETIME_MS);
    const signedIn = deferred<void>();
    stubFetch(() => json(tokenBody('access-new', 'refresh-new')));
    const read = tokensItem.getValue.bind(tokensItem);
    let reads = 0;
    vi.spyOn(tokensItem, 'getValue').mockImplementation(async () => {
      reads += 1;
      const value = await read();
      // The refresh looks again at the tokens: a sign-in has just come in, after that look.
      if (reads === 2) {
        await signIn(EMAIL, PASSWORD);
        signedIn.resolve();
      }
      return value;
    });

    await expect(accessToken(settings)).rejects.toBeInstanceOf(SignedOutError);
    await signedIn.promise;

    expect(await read()).toMatchObject({ accessToken: 'access-new' });
    expect(await accountItem.getValue()).toEqual({ email: EMAIL, tokenUrl: PROD_TOKEN_URL });
  });
});
