import { describe, expect, it } from 'vitest';
import type { AddTaskRequest } from '@/lib/bzctrl/add-task';
import {
  BzCtrlError,
  type ClientCredentials,
  errorFromResponse,
  postAddTask,
  requestToken,
} from '@/lib/bzctrl/client';
import {
  addTaskBody,
  json,
  PROD_ADD_TASK_URL,
  PROD_TOKEN_URL,
  setUpFakeBrowser,
  stubFetch,
  TASK_LINK,
  tokenBody,
} from '../helpers';

setUpFakeBrowser();

const NO_CLIENT: ClientCredentials = { clientId: '', clientSecret: '' };
const PASSWORD_GRANT = { grant_type: 'password', username: 'j.devries@example.com', password: 'Ex@mpl3! &=' };
const BODY: AddTaskRequest = {
  todoType: 'INCIDENT',
  domainWorkSpace: 'IMP-NLD-EXA-SWA',
  title: 'Potential Customs claim',
  description: 'Operation started without proper approvals',
  status: 'INPROGRESS',
  assignee: 'rge@vtti.com',
  reporter: 'user@vtti.com',
  orderID: '7770142',
};

/** The BzCtrlError that postAddTask throws when BzCtrl gives `response`. */
async function addTaskError(response: Response | (() => never)): Promise<BzCtrlError> {
  stubFetch(() => (response instanceof Response ? response : response()));
  const error = await postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BzCtrlError);
  return error as BzCtrlError;
}

describe('requestToken', () => {
  it('posts the grant form-encoded with the form Content-Type', async () => {
    const { requests } = stubFetch(() => json(tokenBody('access-1', 'refresh-1')));
    await requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(PROD_TOKEN_URL);
    expect(request?.init.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual(PASSWORD_GRANT);
  });

  it('sends no Authorization header when no client id is set', async () => {
    const { requests } = stubFetch(() => json(tokenBody('access-1', 'refresh-1')));
    await requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, { clientId: '', clientSecret: 'ignored' });
    expect(requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('sends Basic base64(id:secret) when a client id is set', async () => {
    const { requests } = stubFetch(() => json(tokenBody('access-1', 'refresh-1')));
    await requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, { clientId: 'reporter', clientSecret: 'sé:cret' });
    const expected = Buffer.from('reporter:sé:cret', 'utf8').toString('base64');
    expect(requests[0]?.headers.authorization).toBe(`Basic ${expected}`);
  });

  it('returns the token answer', async () => {
    stubFetch(() => json(tokenBody('access-1', 'refresh-1')));
    await expect(requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT)).resolves.toMatchObject({
      access_token: 'access-1',
      refresh_token: 'refresh-1',
      expires_in: 3600,
    });
  });

  it('gives the OAuth error_description of a refused sign-in', async () => {
    stubFetch(() => json({ error: 'invalid_grant', error_description: 'Bad credentials' }, 400));
    const error = await requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BzCtrlError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      message: 'Bad credentials',
      oauthError: 'invalid_grant',
    });
  });

  it('refuses a 200 token answer without an access_token', async () => {
    stubFetch(() => json({ token_type: 'Bearer' }));
    await expect(requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT)).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});

describe('postAddTask', () => {
  it('posts the body as JSON with the Bearer token', async () => {
    const { requests } = stubFetch(() => json(addTaskBody(), 201));
    await postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(PROD_ADD_TASK_URL);
    expect(request?.init.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer access-1');
    expect(JSON.parse(request?.body ?? '')).toEqual(BODY);
  });

  it('sends no cookies and follows no redirect', async () => {
    const { requests } = stubFetch(() => json(addTaskBody(), 201));
    await postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY);
    expect(requests[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'error' });
    expect(requests[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([200, 201])('returns the answer of a %i with its taskLink', async (status) => {
    stubFetch(() => json({ ...addTaskBody(), extra: true }, status));
    await expect(postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY)).resolves.toMatchObject({
      taskLink: TASK_LINK,
    });
  });
});

describe('BzCtrl errors', () => {
  it('names the field and its defaultMessage from a Spring errors[] body', async () => {
    const error = await addTaskError(
      json(
        {
          timestamp: '2026-03-14T09:12:00.000+00:00',
          status: 400,
          error: 'Bad Request',
          message: 'Validation failed for object',
          path: '/bzctrl-core-api/api/v1/task/add-task',
          errors: [
            { objectName: 'task', defaultMessage: 'must not be null' },
            { field: 'assignee', defaultMessage: 'must be a well-formed email address', rejectedValue: 'x' },
          ],
        },
        400,
      ),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      field: 'assignee',
      message: 'must be a well-formed email address',
    });
  });

  it("takes the field out of Spring's \"Validation failed for field 'assignee'\" message", async () => {
    const message = "Validation failed for field 'assignee': rejected value [rge]";
    const error = await addTaskError(
      json({ timestamp: 't', status: 400, error: 'Bad Request', message, path: '/x' }, 400),
    );
    expect(error).toMatchObject({ kind: 'http', status: 400, field: 'assignee', message });
  });

  it('gives the OAuth error_description', async () => {
    const error = await addTaskError(
      json({ error: 'invalid_token', error_description: 'Access token expired: access-1' }, 401),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      message: 'Access token expired: access-1',
      oauthError: 'invalid_token',
    });
    expect(error.field).toBeUndefined();
  });

  it('gives the HTTP status when the error body is not JSON', async () => {
    const error = await addTaskError(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.message).toContain('502');
  });

  // Spring Boot 2.3+ hides exception messages by default and answers "message": "".
  it('gives the error name or HTTP status, not an empty text, when Spring sends an empty message', () => {
    const error = errorFromResponse(400, {
      timestamp: '2026-03-14T09:12:00.000+00:00',
      status: 400,
      error: 'Bad Request',
      message: '',
      path: '/bzctrl-core-api/api/v1/task/add-task',
    });
    expect(error.message).toMatch(/Bad Request|400/);
  });

  it('gives the HTTP status for a JSON error body it does not know', () => {
    const error = errorFromResponse(500, ['unexpected']);
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toContain('500');
  });

  it('calls a 2xx answer that is not JSON an invalid response', async () => {
    const error = await addTaskError(new Response('Created', { status: 201 }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('not JSON');
  });

  it.each([{}, { taskLink: '' }, { taskLink: 'nowhere' }, { ...addTaskBody(), taskLink: 42 }])(
    'calls a 2xx answer without a valid taskLink an invalid response: %j',
    async (body) => {
      const error = await addTaskError(json(body, 201));
      expect(error.kind).toBe('invalid-response');
    },
  );

  it('calls a rejected fetch a network error, naming the host', async () => {
    const error = await addTaskError(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(error.kind).toBe('network');
    expect(error.message).toContain('www.bzctrl.com');
  });

  it('calls a fetch that timed out a timeout', async () => {
    const error = await addTaskError(() => {
      throw new DOMException('x', 'TimeoutError');
    });
    expect(error.kind).toBe('timeout');
  });
});
