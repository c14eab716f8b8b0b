// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/server.js';
import type { RequestLogEntry } from '../../../sandbox/state.js';
import { ADD_TASK_PATH, setUpSandbox, VALID_TASK, waitFor } from './sandbox-client.js';

const sandbox = setUpSandbox();

async function queueFault(fault: Record<string, unknown>): Promise<void> {
  const response = await sandbox().control('POST', 'faults', fault);
  expect(response.status).toBe(204);
}

async function requestLog(): Promise<RequestLogEntry[]> {
  return (await (await sandbox().control('GET', 'requests')).json()) as RequestLogEntry[];
}

describe('sandbox faults', () => {
  it('answers a queued status with a JSON body and headers, CORS still added, then handles normally', async () => {
    const { access_token } = await sandbox().signIn();
    await queueFault({
      target: 'add-task',
      status: 503,
      body: { error: 'maintenance' },
      headers: { 'Retry-After': '7' },
    });
    const faulted = await sandbox().addTask(VALID_TASK, access_token, {
      origin: 'chrome-extension://abcdef',
    });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('7');
    expect(faulted.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect(await faulted.json()).toEqual({ error: 'maintenance' });
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(201);
  });

  it('answers a string body as it is, for gateway pages that are not JSON', async () => {
    await queueFault({
      target: 'token',
      status: 502,
      body: '<html><body>Bad Gateway</body></html>',
      headers: { 'Content-Type': 'text/html' },
    });
    const response = await sandbox().token({ grant_type: 'password', username: 'a@b.c', password: 'x' });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html><body>Bad Gateway</body></html>');
  });

  it('delays, then handles normally, when only delayMs is given', async () => {
    await queueFault({ target: 'token', delayMs: 150 });
    const started = performance.now();
    const signedIn = await sandbox().signIn();
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(signedIn.token_type).toBe('Bearer');
    const [entry] = await requestLog();
    expect(entry).toMatchObject({ status: 200, fault: true });
  });

  it('keeps a delayed request pending and logged without a status until it is answered', async () => {
    await queueFault({ target: 'token', delayMs: 500, status: 504 });
    const pending = sandbox().token({ grant_type: 'password' });
    await waitFor(async () => (await requestLog()).length === 1);
    expect((await requestLog())[0]).toMatchObject({ status: null, fault: true });
    expect((await pending).status).toBe(504);
    expect((await requestLog())[0]).toMatchObject({ status: 504, fault: true });
  });

  it('drops the connection without an answer, and logs a null status', async () => {
    await queueFault({ target: 'add-task', drop: true });
    await expect(sandbox().addTask(VALID_TASK, 'any')).rejects.toThrow(TypeError);
    const [entry] = await requestLog();
    expect(entry).toMatchObject({ method: 'POST', path: ADD_TASK_PATH, status: null, fault: true });
  });

  it('drops after the delay when both are given', async () => {
    await queueFault({ target: 'token', drop: true, delayMs: 100 });
    const started = performance.now();
    await expect(sandbox().signIn()).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('creates the item before it drops the connection when the fault says it was handled', async () => {
    const { access_token } = await sandbox().signIn();
    await queueFault({ target: 'add-task', drop: true, handled: true });
    await expect(sandbox().addTask(VALID_TASK, access_token)).rejects.toThrow(TypeError);
    const tasks = (await (await sandbox().control('GET', 'tasks')).json()) as unknown[];
    expect(tasks).toHaveLength(1);
  });

  it('creates the item, then answers the fault’s status (a gateway that gave up), when handled', async () => {
    const { access_token } = await sandbox().signIn();
    await queueFault({ target: 'add-task', status: 502, handled: true });
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(502);
    expect((await (await sandbox().control('GET', 'tasks')).json()) as unknown[]).toHaveLength(1);
  });

  it('creates nothing for a fault that is not handled', async () => {
    const { access_token } = await sandbox().signIn();
    await queueFault({ target: 'add-task', status: 502 });
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(502);
    expect((await (await sandbox().control('GET', 'tasks')).json()) as unknown[]).toEqual([]);
  });

  it('breaks the answer off halfway through its body: status and headers arrive, the body fails', async () => {
    const { access_token } = await sandbox().signIn();
    await queueFault({ target: 'add-task', truncate: true, handled: true });
    const response = await sandbox().addTask(VALID_TASK, access_token);
    expect(response.status).toBe(201);
    await expect(response.text()).rejects.toThrow();
    expect((await (await sandbox().control('GET', 'tasks')).json()) as unknown[]).toHaveLength(1);
  });

  it('applies a fault to the next `times` matching requests only', async () => {
    await queueFault({ target: 'token', status: 500, times: 2 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' })).status);
    }
    expect(statuses).toEqual([500, 500, 400]);
  });

  it('applies faults in the order they were queued', async () => {
    await queueFault({ target: 'any', status: 500 });
    await queueFault({ target: 'any', status: 502 });
    const first = await fetch(`${sandbox().url}${ADD_TASK_PATH}`, { method: 'POST' });
    const second = await fetch(`${sandbox().url}/bzctrl-core-api/oauth/token`, { method: 'POST' });
    expect([first.status, second.status]).toEqual([500, 502]);
  });

  it('applies a fault only to its target, and never to preflights', async () => {
    await queueFault({ target: 'add-task', status: 500 });
    const preflight = await fetch(`${sandbox().url}${ADD_TASK_PATH}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    const { access_token } = await sandbox().signIn();
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(500);
  });

  it('forgets queued faults on DELETE', async () => {
    await queueFault({ target: 'any', status: 500, times: 5 });
    expect((await sandbox().control('DELETE', 'faults')).status).toBe(204);
    expect(await (await sandbox().control('GET', 'faults')).json()).toEqual([]);
    expect((await sandbox().token({ grant_type: 'password', username: 'x', password: 'y' })).status).toBe(
      400,
    );
  });

  it.each([
    ['an unknown target', { target: 'everything', status: 500 }],
    ['a fault that does nothing', { target: 'token' }],
    ['a status out of range', { target: 'token', status: 99 }],
    ['zero times', { target: 'token', status: 500, times: 0 }],
    ['handled that is not a boolean', { target: 'add-task', status: 502, handled: 'yes' }],
    ['truncate that is not a boolean', { target: 'add-task', truncate: 1 }],
    ['an unknown key', { target: 'token', status: 500, statusCode: 500 }],
  ])('refuses %s with 400', async (_case, fault) => {
    const response = await sandbox().control('POST', 'faults', fault);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe('sandbox close', () => {
  it('closes promptly while a delayed request is still waiting', async () => {
    const running = await startSandbox({ port: 0, quiet: true });
    await fetch(`${running.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'token', delayMs: 60_000 }),
    });
    const pending = fetch(`${running.url}/bzctrl-core-api/oauth/token`, { method: 'POST' });
    await waitFor(async () => {
      const log = (await (await fetch(`${running.url}/__sandbox/requests`)).json()) as RequestLogEntry[];
      return log.length === 1;
    });
    await running.close();
    await expect(pending).rejects.toThrow(TypeError);
  });
});
