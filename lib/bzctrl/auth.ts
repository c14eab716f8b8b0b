/**
 * The BzCtrl session, kept by the background worker: sign in with the password grant, keep the
 * tokens in storage.session (so a restarted worker still has them), refresh them before they
 * expire or once after a 401, one refresh at a time.
 *
 * A session ends when the user signs out, signs in (as anyone), or the server changes. Every token
 * request still on its way then belongs to a session that is over: its answer is dropped, never
 * stored and never used to send.
 */
import { i18n } from '#i18n';
import {
  type Account,
  accountItem,
  currentAccount,
  lastEmailItem,
  loadSettings,
  type Settings,
} from '../settings';
import { BzCtrlError, requestToken } from './client';
import { endpointsFor } from './environments';
import type { TokenResponse } from './responses';
import { type Tokens, tokensItem } from './tokens';

/** Thrown when there is no usable session: the user must sign in (again). */
export class SignedOutError extends Error {
  constructor(message = i18n.t('error.signInFirst')) {
    super(message);
    this.name = 'SignedOutError';
  }
}

const DEFAULT_LIFETIME_S = 3600;

/**
 * Which session token requests belong to. Bumped whenever the session in force changes; a token
 * answer is kept only if it is still the one its request started in, and for the same server.
 */
let sessionGeneration = 0;
// Shared by every caller while a refresh is on its way, so BzCtrl sees one refresh at a time.
let refreshInFlight: Promise<string> | undefined;

function endSessionRequests(): number {
  refreshInFlight = undefined;
  return ++sessionGeneration;
}

/**
 * Whether an answer to a token request made in `generation` for `tokenUrl` may still be used, the
 * server in force being `server`. Synchronous, so that the caller checks it and writes with no
 * wait in between, in which a sign-out could slip.
 */
function stillCurrent(generation: number, tokenUrl: string, server: string): boolean {
  return generation === sessionGeneration && server === tokenUrl;
}

async function serverInForce(): Promise<string> {
  return endpointsFor(await loadSettings()).tokenUrl;
}

export async function signIn(email: string, password: string): Promise<Account> {
  const generation = endSessionRequests();
  const settings = await loadSettings();
  const { tokenUrl } = endpointsFor(settings);
  const response = await requestToken(
    tokenUrl,
    { grant_type: 'password', username: email, password },
    settings,
  );
  const server = await serverInForce();
  // Signed out, or signed in anew, or another server chosen meanwhile: this answer is void.
  if (!stillCurrent(generation, tokenUrl, server)) throw new SignedOutError();
  // The new session begins here: a token read from the old one (accessToken) must not be used now.
  endSessionRequests();
  const account: Account = { email, tokenUrl };
  await Promise.all([
    tokensItem.setValue(tokensFrom(response)),
    accountItem.setValue(account),
    lastEmailItem.setValue(email),
  ]);
  return account;
}

export async function signOut(): Promise<void> {
  endSessionRequests();
  await Promise.all([tokensItem.removeValue(), accountItem.removeValue()]);
}

/** Ends the session when the server in force is no longer the one that issued it. */
export async function signOutIfServerChanged(): Promise<void> {
  const account = await accountItem.getValue();
  if (account && account.tokenUrl !== endpointsFor(await loadSettings()).tokenUrl) await signOut();
}

export interface Credential {
  accessToken: string;
  account: Account;
}

/**
 * An access token that BzCtrl should accept, and whose it is: the stored one while it is fresh,
 * else a refreshed one. `rejected` is the token BzCtrl just answered 401 to, so it is refreshed
 * even if it looks fresh.
 */
export async function accessToken(settings: Settings, rejected?: string): Promise<Credential> {
  const generation = sessionGeneration;
  const account = await currentAccount(settings);
  if (!account) throw new SignedOutError();
  const tokens = await tokensItem.getValue();
  if (!tokens) throw new SignedOutError();
  const token =
    tokens.accessToken !== rejected && !isExpiring(tokens, Date.now())
      ? tokens.accessToken
      : await refreshOnce(settings, tokens, generation);
  // A session began or ended meanwhile: the token may be another account's than `account`, or none's.
  if (generation !== sessionGeneration) throw new SignedOutError();
  return { accessToken: token, account };
}

/** Refresh a little before expiry: a quarter of the lifetime, at most 30 s. */
export function isExpiring(tokens: Tokens, now: number): boolean {
  const margin = Math.min(30_000, tokens.lifetimeMs / 4);
  return now >= tokens.expiresAt - margin;
}

/** `generation`: the session the caller read the tokens in. */
function refreshOnce(settings: Settings, stale: Tokens, generation: number): Promise<string> {
  if (!refreshInFlight) {
    const flight = refresh(settings, stale, generation).finally(() => {
      // Not one started after a sign-out ended this one.
      if (refreshInFlight === flight) refreshInFlight = undefined;
    });
    refreshInFlight = flight;
  }
  return refreshInFlight;
}

async function refresh(settings: Settings, stale: Tokens, generation: number): Promise<string> {
  // A session that ended since its tokens were read is not refreshed: its refresh token is not sent.
  if (generation !== sessionGeneration) throw new SignedOutError();
  // Another context may already have refreshed: use its token rather than refresh twice.
  const latest = await tokensItem.getValue();
  if (latest && latest.accessToken !== stale.accessToken && !isExpiring(latest, Date.now())) {
    return latest.accessToken;
  }
  if (!stale.refreshToken) {
    // Not a session that began since: only the one these tokens are of.
    if (generation === sessionGeneration) await signOut();
    throw new SignedOutError(i18n.t('error.sessionExpired'));
  }
  const { tokenUrl } = endpointsFor(settings);
  let response: TokenResponse;
  try {
    response = await requestToken(
      tokenUrl,
      { grant_type: 'refresh_token', refresh_token: stale.refreshToken },
      settings,
    );
  } catch (error) {
    // The session ended meanwhile: whatever the answer, it is void, and ends no later session.
    if (generation !== sessionGeneration) throw new SignedOutError();
    // A refused refresh ends the session; a network failure does not.
    if (error instanceof BzCtrlError && (error.status === 400 || error.status === 401)) {
      await signOut();
      throw new SignedOutError(i18n.t('error.sessionExpired'));
    }
    throw error;
  }
  const server = await serverInForce();
  if (!stillCurrent(generation, tokenUrl, server)) throw new SignedOutError();
  const fresh = tokensFrom(response, stale.refreshToken);
  await tokensItem.setValue(fresh);
  return fresh.accessToken;
}

function tokensFrom(response: TokenResponse, previousRefreshToken?: string): Tokens {
  const lifetimeMs = (response.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: Date.now() + lifetimeMs,
    lifetimeMs,
  };
}
