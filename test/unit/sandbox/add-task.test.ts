// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { localDate } from '../../../sandbox/state.js';
import {
  ADD_TASK_PATH,
  type SpringError,
  setUpSandbox,
  VALID_INCIDENT,
  VALID_TASK,
} from './sandbox-client.js';

const sandbox = setUpSandbox();

describe('sandbox add-task: bearer token', () => {
  it('answers 401 unauthorized without an Authorization header', async () => {
    const response = await sandbox().addTask(VALID_TASK, undefined);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      error_description: 'Full authentication is required to access this resource',
    });
  });

  it('answers 401 invalid_token for an unknown token, with a WWW-Authenticate header', async () => {
    const response = await sandbox().addTask(VALID_TASK, 'made-up-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Invalid access token: made-up-token',
    });
  });

  it('answers 401 "Access token expired" once the sandbox expires the tokens', async () => {
    const { access_token } = await sandbox().signIn();
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(201);
    expect((await sandbox().control('POST', 'expire-tokens')).status).toBe(204);
    const response = await sandbox().addTask(VALID_TASK, access_token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: `Access token expired: ${access_token}`,
    });
  });

  it('accepts the access token from a refresh after the old one expired', async () => {
    const signedIn = await sandbox().signIn();
    await sandbox().control('POST', 'expire-tokens');
    const refreshed = await sandbox().token({
      grant_type: 'refresh_token',
      refresh_token: signedIn.refresh_token,
    });
    const { access_token } = (await refreshed.json()) as { access_token: string };
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(201);
  });

  it('issues already expired tokens when the access lifetime is configured as 0', async () => {
    await sandbox().control('POST', 'config', { accessTokenLifetimeSeconds: 0 });
    const { access_token, expires_in } = await sandbox().signIn();
    expect(expires_in).toBe(0);
    expect((await sandbox().addTask(VALID_TASK, access_token)).status).toBe(401);
  });
});

describe('sandbox add-task: request format', () => {
  it('answers 415 in Spring shape when the body is not JSON-typed', async () => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask(VALID_TASK, access_token, { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      status: 415,
      error: 'Unsupported Media Type',
      path: ADD_TASK_PATH,
    });
  });

  it('accepts application/json with a charset', async () => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask(VALID_TASK, access_token, {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ['unparseable JSON', '{"todoType": "TASK",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
  ])('answers 400 in Spring shape for %s', async (_case, body) => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask(body, access_token);
    expect(response.status).toBe(400);
    const error = (await response.json()) as SpringError;
    expect(error).toMatchObject({ status: 400, error: 'Bad Request', path: ADD_TASK_PATH });
    expect(Date.parse(error.timestamp)).not.toBeNaN();
    expect(error.message).not.toBe('');
  });

  it('answers 404 in Spring shape for other paths under the API', async () => {
    const response = await fetch(`${sandbox().url}/bzctrl-core-api/api/v1/task/remove-task`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      status: 404,
      error: 'Not Found',
      path: '/bzctrl-core-api/api/v1/task/remove-task',
    });
  });
});

describe('sandbox add-task: success', () => {
  it('answers 201 with the documented shape, a link to the item page and tags', async () => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask({ ...VALID_INCIDENT, lrn: '24NLLRN0004471' }, access_token);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      title: 'Potential Customs claim',
      taskType: 'INCIDENT',
      description: VALID_INCIDENT.description,
      taskLink: `${sandbox().url}/app/#/todo/IMP-NLD-EXA-SWA-01`,
      tags: ['SO 7770142', 'LRN 24NLLRN0004471'],
    });
  });

  it('tags only the service order when no LRN is sent', async () => {
    const { access_token } = await sandbox().signIn();
    const body = (await (await sandbox().addTask(VALID_TASK, access_token)).json()) as { tags: string[] };
    expect(body.tags).toEqual(['SO 7770142']);
  });

  it('numbers items per workspace with at least two digits', async () => {
    const { access_token } = await sandbox().signIn();
    const links: string[] = [];
    for (const body of [VALID_TASK, VALID_TASK, VALID_INCIDENT]) {
      const created = (await (await sandbox().addTask(body, access_token)).json()) as { taskLink: string };
      links.push(created.taskLink);
    }
    expect(links).toEqual([
      `${sandbox().url}/app/#/todo/VTT-NLD-TML-FIN-01`,
      `${sandbox().url}/app/#/todo/VTT-NLD-TML-FIN-02`,
      `${sandbox().url}/app/#/todo/IMP-NLD-EXA-SWA-01`,
    ]);
  });

  it('stores the whole request with id, createdAt and a null due date when not DONE', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(VALID_TASK, access_token);
    const stored = await (await sandbox().control('GET', 'tasks/VTT-NLD-TML-FIN-01')).json();
    expect(stored).toMatchObject({ ...VALID_TASK, id: 'VTT-NLD-TML-FIN-01', dueDate: null });
    expect(Date.parse((stored as { createdAt: string }).createdAt)).not.toBeNaN();
  });

  it('sets the due date to today when the status is DONE', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask({ ...VALID_TASK, status: 'DONE' }, access_token);
    const [stored] = (await (await sandbox().control('GET', 'tasks')).json()) as { dueDate: string }[];
    expect(stored?.dueDate).toBe(localDate(new Date()));
  });

  it('links to the host name the caller used', async () => {
    const { access_token } = await sandbox().signIn();
    const port = new URL(sandbox().url).port;
    const response = await fetch(`http://localhost:${port}${ADD_TASK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
      body: JSON.stringify(VALID_TASK),
    });
    const { taskLink } = (await response.json()) as { taskLink: string };
    expect(taskLink).toBe(`http://localhost:${port}/app/#/todo/VTT-NLD-TML-FIN-01`);
  });
});
