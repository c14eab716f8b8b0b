// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../../sandbox/server.js';
import { basicAuth, setUpSandbox, TOKEN_PATH, type TokenBody } from './sandbox-client.js';

const sandbox = setUpSandbox();

const passwordGrant = { grant_type: 'password', username: DEMO_USER.email, password: DEMO_USER.password };

describe('sandbox token endpoint: password grant', () => {
  it('signs the demo user in with the token body BzCtrl documents', async () => {
    const response = await sandbox().token(passwordGrant);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenBody;
    expect(body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: '*',
      jti: expect.any(String),
    });
    expect(body.access_token).not.toBe(body.refresh_token);
  });

  it('issues a different access token on each sign-in', async () => {
    const first = await sandbox().signIn();
    const second = await sandbox().signIn();
    expect(first.access_token).not.toBe(second.access_token);
  });

  it('rejects a wrong password with invalid_grant "Bad credentials"', async () => {
    const response = await sandbox().token({ ...passwordGrant, password: 'wrong' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
  });

  it('rejects an unknown user with invalid_grant', async () => {
    const response = await sandbox().token({ ...passwordGrant, username: 'nobody@example.com' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([['username'], ['password']])('answers invalid_request when %s is missing', async (missing) => {
    const form: Record<string, string> = { ...passwordGrant };
    delete form[missing];
    const response = await sandbox().token(form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers unsupported_grant_type for other grants', async () => {
    const response = await sandbox().token({ grant_type: 'client_credentials' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers an OAuth error when the body is not form-encoded', async () => {
    const response = await fetch(`${sandbox().url}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(passwordGrant),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts but does not require HTTP Basic client auth when no client is configured', async () => {
    const response = await sandbox().token(passwordGrant, {
      authorization: basicAuth('any-client', 'any-secret'),
    });
    expect(response.status).toBe(200);
  });
});

describe('sandbox token endpoint: refresh grant', () => {
  it('returns a new access token for a valid refresh token', async () => {
    const signedIn = await sandbox().signIn();
    const response = await sandbox().token({
      grant_type: 'refresh_token',
      refresh_token: signedIn.refresh_token,
    });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as TokenBody;
    expect(refreshed).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: '*' });
    expect(refreshed.access_token).not.toBe(signedIn.access_token);
    expect(refreshed.refresh_token).toBe(signedIn.refresh_token);
  });

  it('rejects an unknown refresh token with invalid_grant', async () => {
    const response = await sandbox().token({ grant_type: 'refresh_token', refresh_token: 'not-a-token' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token: not-a-token',
    });
  });

  it('rejects an expired refresh token with invalid_grant', async () => {
    const signedIn = await sandbox().signIn();
    await sandbox().control('POST', 'expire-tokens', { access: true, refresh: true });
    const response = await sandbox().token({
      grant_type: 'refresh_token',
      refresh_token: signedIn.refresh_token,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/^Invalid refresh token/);
  });

  it('rejects a missing refresh token with invalid_request', async () => {
    const response = await sandbox().token({ grant_type: 'refresh_token' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('sandbox token endpoint: required client auth', () => {
  const client = { id: 'reporter', secret: 's3cret:with-colon' };

  it('demands HTTP Basic client auth once a client is configured', async () => {
    await sandbox().control('POST', 'config', { client });
    const response = await sandbox().token(passwordGrant);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      error_description: 'Full authentication is required to access this resource',
    });
  });

  it('rejects wrong client credentials with invalid_client', async () => {
    await sandbox().control('POST', 'config', { client });
    const response = await sandbox().token(passwordGrant, { authorization: basicAuth(client.id, 'wrong') });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('signs in with the right client credentials', async () => {
    await sandbox().control('POST', 'config', { client });
    const response = await sandbox().token(passwordGrant, {
      authorization: basicAuth(client.id, client.secret),
    });
    expect(response.status).toBe(200);
  });
});

describe('sandbox started with a client and users', () => {
  const configured = setUpSandbox({
    client: { id: 'ext', secret: 'pw' },
    users: [{ email: 'planner@terminal.example', password: 'tank-214' }],
    accessTokenLifetimeSeconds: 120,
  });

  it('uses the start options: its users, its client and its lifetime', async () => {
    const form = { grant_type: 'password', username: 'planner@terminal.example', password: 'tank-214' };
    expect((await configured().token(form)).status).toBe(401);
    const response = await configured().token(form, { authorization: basicAuth('ext', 'pw') });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TokenBody).expires_in).toBe(120);
    const demoUser = await configured().token(passwordGrant, { authorization: basicAuth('ext', 'pw') });
    expect(demoUser.status).toBe(400);
  });
});
