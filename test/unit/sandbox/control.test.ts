// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../../sandbox/server.js';
import type { RequestLogEntry } from '../../../sandbox/state.js';
import { ADD_TASK_PATH, setUpSandbox, TOKEN_PATH, VALID_TASK } from './sandbox-client.js';

const sandbox = setUpSandbox();

async function getJson<T>(route: string): Promise<T> {
  const response = await sandbox().control('GET', route);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface TokenList {
  access: { user: string; expiresAt: string; expired: boolean }[];
  refresh: { user: string; expiresAt: string; expired: boolean }[];
}

describe('sandbox request log', () => {
  it('records every request on the BzCtrl paths, oldest first, with what was sent and answered', async () => {
    await fetch(`${sandbox().url}${TOKEN_PATH}`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://id' },
    });
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(VALID_TASK, access_token);
    await fetch(`${sandbox().url}/demo/`);

    const log = await getJson<RequestLogEntry[]>('requests');
    expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      `OPTIONS ${TOKEN_PATH} 204`,
      `POST ${TOKEN_PATH} 200`,
      `POST ${ADD_TASK_PATH} 201`,
    ]);
    const [preflight, signIn, addTask] = log;
    expect(preflight?.headers.origin).toBe('chrome-extension://id');
    expect(signIn).toMatchObject({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      form: { grant_type: 'password', username: DEMO_USER.email, password: DEMO_USER.password },
      json: null,
      fault: false,
    });
    expect(addTask).toMatchObject({
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(VALID_TASK),
      json: VALID_TASK,
      form: null,
      fault: false,
    });
    for (const entry of log) expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('clears the log on DELETE', async () => {
    await sandbox().signIn();
    expect((await sandbox().control('DELETE', 'requests')).status).toBe(204);
    expect(await getJson<RequestLogEntry[]>('requests')).toEqual([]);
  });
});

describe('sandbox created items', () => {
  it('lists created items and finds one by id', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(VALID_TASK, access_token);
    const [listed] = await getJson<{ id: string }[]>('tasks');
    expect(listed?.id).toBe('VTT-NLD-TML-FIN-01');
    expect(await getJson<{ id: string }>('tasks/VTT-NLD-TML-FIN-01')).toMatchObject({
      id: 'VTT-NLD-TML-FIN-01',
    });
  });

  it('answers 404 for an unknown item', async () => {
    const response = await sandbox().control('GET', 'tasks/NOPE-01');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No item NOPE-01 in this sandbox' });
  });
});

describe('sandbox tokens and config', () => {
  it('lists tokens with their expiry, without their values', async () => {
    await sandbox().signIn();
    const before = await getJson<TokenList>('tokens');
    expect(before.access).toEqual([{ user: DEMO_USER.email, expiresAt: expect.any(String), expired: false }]);
    expect(before.refresh).toHaveLength(1);
    await sandbox().control('POST', 'expire-tokens');
    const after = await getJson<TokenList>('tokens');
    expect(after.access[0]?.expired).toBe(true);
    expect(after.refresh[0]?.expired).toBe(false);
  });

  it('applies new lifetimes to tokens issued afterwards', async () => {
    const response = await sandbox().control('POST', 'config', {
      accessTokenLifetimeSeconds: 30,
      refreshTokenLifetimeSeconds: 60,
    });
    expect(response.status).toBe(204);
    const signedIn = await sandbox().signIn();
    expect(signedIn.expires_in).toBe(30);
    const { refresh } = await getJson<TokenList>('tokens');
    const refreshLifetime = Date.parse(refresh[0]?.expiresAt ?? '') - Date.now();
    expect(refreshLifetime).toBeGreaterThan(50_000);
    expect(refreshLifetime).toBeLessThanOrEqual(60_000);
  });

  it.each([
    ['a negative lifetime', { accessTokenLifetimeSeconds: -1 }],
    ['a lifetime as text', { refreshTokenLifetimeSeconds: '60' }],
    ['a client without a secret', { client: { id: 'x' } }],
    ['an unknown key', { users: [] }],
    ['keepAlive as text', { keepAlive: 'no' }],
  ])('refuses %s with 400', async (_case, change) => {
    const response = await sandbox().control('POST', 'config', change);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it('closes the connection after every API answer once keepAlive is off, and keeps it open by default', async () => {
    const kept = await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' });
    expect(kept.headers.get('connection')).not.toBe('close');
    expect((await sandbox().control('POST', 'config', { keepAlive: false })).status).toBe(204);
    const closed = await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' });
    expect(closed.headers.get('connection')).toBe('close');
  });

  it('removes the client requirement with client: null', async () => {
    await sandbox().control('POST', 'config', { client: { id: 'ext', secret: 'pw' } });
    expect((await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' })).status).toBe(
      401,
    );
    await sandbox().control('POST', 'config', { client: null });
    expect((await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' })).status).toBe(
      400,
    );
  });
});

describe('sandbox reset', () => {
  it('clears faults, log, items and tokens, and restores the start options', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(VALID_TASK, access_token);
    await sandbox().control('POST', 'faults', { target: 'token', status: 500 });
    await sandbox().control('POST', 'config', {
      accessTokenLifetimeSeconds: 5,
      client: { id: 'ext', secret: 'pw' },
    });

    expect((await sandbox().control('POST', 'reset')).status).toBe(204);

    expect(await getJson<unknown[]>('requests')).toEqual([]);
    expect(await getJson<unknown[]>('tasks')).toEqual([]);
    expect(await getJson<unknown[]>('faults')).toEqual([]);
    expect(await getJson<TokenList>('tokens')).toEqual({ access: [], refresh: [] });
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(401);
    const signedIn = await sandbox().signIn();
    expect(signedIn.expires_in).toBe(3600);
    const created = await sandbox().addTask(VALID_TASK, signedIn.access_token);
    expect(((await created.json()) as { taskLink: string }).taskLink).toMatch(/VTT-NLD-TML-FIN-01$/);
  });
});

describe('sandbox control path errors', () => {
  it('answers 404 for an unknown control route and 405 for a wrong method', async () => {
    expect((await sandbox().control('GET', 'nothing-here')).status).toBe(404);
    const wrongMethod = await sandbox().control('GET', 'reset');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${sandbox().url}/__sandbox/faults`, { method: 'POST', body: '{target:' });
    expect(response.status).toBe(400);
  });
});
