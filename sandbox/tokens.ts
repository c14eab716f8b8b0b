import { randomBytes, randomUUID } from 'node:crypto';

export interface TokenLifetimes {
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
}

/** The token endpoint's success body, as BzCtrl's integration page shows it. */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: '*';
  jti: string;
}

interface StoredToken {
  user: string;
  expiresAt: number;
}

export type TokenLookup = { state: 'valid'; user: string } | { state: 'unknown' } | { state: 'expired' };

export interface TokenSummary {
  user: string;
  expiresAt: string;
  expired: boolean;
}

function opaqueToken(): string {
  return randomBytes(24).toString('base64url');
}

function lookup(tokens: Map<string, StoredToken>, value: string): TokenLookup {
  const token = tokens.get(value);
  if (token === undefined) return { state: 'unknown' };
  return Date.now() >= token.expiresAt ? { state: 'expired' } : { state: 'valid', user: token.user };
}

function expireAll(tokens: Map<string, StoredToken>, now: number): void {
  for (const token of tokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
}

function summarize(tokens: Map<string, StoredToken>, now: number): TokenSummary[] {
  return [...tokens.values()].map((token) => ({
    user: token.user,
    expiresAt: new Date(token.expiresAt).toISOString(),
    expired: now >= token.expiresAt,
  }));
}

export class TokenStore {
  readonly #access = new Map<string, StoredToken>();
  readonly #refresh = new Map<string, StoredToken>();

  /** Issues a new access token; with `refreshToken`, that refresh token is kept instead of a new one. */
  issue(user: string, lifetimes: TokenLifetimes, refreshToken?: string): TokenResponse {
    const now = Date.now();
    const accessToken = opaqueToken();
    this.#access.set(accessToken, { user, expiresAt: now + lifetimes.accessTokenLifetimeSeconds * 1000 });
    const keptRefreshToken = refreshToken ?? opaqueToken();
    if (refreshToken === undefined) {
      this.#refresh.set(keptRefreshToken, {
        user,
        expiresAt: now + lifetimes.refreshTokenLifetimeSeconds * 1000,
      });
    }
    return {
      access_token: accessToken,
      refresh_token: keptRefreshToken,
      token_type: 'Bearer',
      expires_in: lifetimes.accessTokenLifetimeSeconds,
      scope: '*',
      jti: randomUUID(),
    };
  }

  checkAccess(value: string): TokenLookup {
    return lookup(this.#access, value);
  }

  checkRefresh(value: string): TokenLookup {
    return lookup(this.#refresh, value);
  }

  expire(which: { access: boolean; refresh: boolean }): void {
    const now = Date.now();
    if (which.access) expireAll(this.#access, now);
    if (which.refresh) expireAll(this.#refresh, now);
  }

  clear(): void {
    this.#access.clear();
    this.#refresh.clear();
  }

  summary(): { access: TokenSummary[]; refresh: TokenSummary[] } {
    const now = Date.now();
    return { access: summarize(this.#access, now), refresh: summarize(this.#refresh, now) };
  }
}
