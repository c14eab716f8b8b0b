/**
 * The BzCtrl session, kept by the background worker: sign in with the password grant, keep the
 * tokens in storage.session (so a restarted worker still has them), refresh them before they
 * expire or once after a 401, one refresh at a time.
 */
import { i18n } from '#i18n';
import {
  type Account,
  accountItem,
  currentAccount,
  lastEmailItem,
  loadSettings,
  type Settings,
  type Tokens,
  tokensItem,
} from '../settings';
import { BzCtrlError, requestToken } from './client';
import { endpointsFor } from './environments';
import type { TokenResponse } from './responses';

/** Thrown when there is no usable session: the user must sign in (again). */
export class SignedOutError extends Error {
  constructor(message = i18n.t('error.signInFirst')) {
    super(message);
    this.name = 'SignedOutError';
  }
}

const DEFAULT_LIFETIME_S = 3600;

export async function signIn(email: string, password: string): Promise<Account> {
  const settings = await loadSettings();
  const { tokenUrl } = endpointsFor(settings);
  const response = await requestToken(
    tokenUrl,
    { grant_type: 'password', username: email, password },
    settings,
  );
  const account: Account = { email, tokenUrl };
  await Promise.all([
    tokensItem.setValue(tokensFrom(response)),
    accountItem.setValue(account),
    lastEmailItem.setValue(email),
  ]);
  return account;
}

export async function signOut(): Promise<void> {
  refreshInFlight = undefined;
  await Promise.all([tokensItem.removeValue(), accountItem.removeValue()]);
}

/**
 * An access token that BzCtrl should accept: the stored one while it is fresh, else a refreshed one.
 * `rejected` is the token BzCtrl just answered 401 to, so it is refreshed even if it looks fresh.
 */
export async function accessToken(rejected?: string): Promise<string> {
  const settings = await loadSettings();
  if (!(await currentAccount(settings))) throw new SignedOutError();
  const tokens = await tokensItem.getValue();
  if (!tokens) throw new SignedOutError();
  if (tokens.accessToken !== rejected && !isExpiring(tokens, Date.now())) {
    return tokens.accessToken;
  }
  return refreshOnce(settings, tokens);
}

/** Refresh a little before expiry: a quarter of the lifetime, at most 30 s. */
export function isExpiring(tokens: Tokens, now: number): boolean {
  const margin = Math.min(30_000, tokens.lifetimeMs / 4);
  return now >= tokens.expiresAt - margin;
}

// Shared by every caller while a refresh is on its way, so BzCtrl sees one refresh at a time.
let refreshInFlight: Promise<string> | undefined;

function refreshOnce(settings: Settings, stale: Tokens): Promise<string> {
  refreshInFlight ??= refresh(settings, stale).finally(() => {
    refreshInFlight = undefined;
  });
  return refreshInFlight;
}

async function refresh(settings: Settings, stale: Tokens): Promise<string> {
  // Another context may already have refreshed: use its token rather than refresh twice.
  const latest = await tokensItem.getValue();
  if (latest && latest.accessToken !== stale.accessToken && !isExpiring(latest, Date.now())) {
    return latest.accessToken;
  }
  if (!stale.refreshToken) {
    await signOut();
    throw new SignedOutError(i18n.t('error.sessionExpired'));
  }
  let response: TokenResponse;
  try {
    response = await requestToken(
      endpointsFor(settings).tokenUrl,
      { grant_type: 'refresh_token', refresh_token: stale.refreshToken },
      settings,
    );
  } catch (error) {
    // A refused refresh ends the session; a network failure does not.
    if (error instanceof BzCtrlError && error.kind === 'http' && error.status !== undefined) {
      if (error.status === 400 || error.status === 401) {
        await signOut();
        throw new SignedOutError(i18n.t('error.sessionExpired'));
      }
    }
    throw error;
  }
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
