import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddTaskRequest } from '@/lib/bzctrl/add-task';
import {
  BzCtrlError,
  type ClientCredentials,
  errorFromResponse,
  neverLeft,
  parseRetryAfter,
  postAddTask,
  requestToken,
  setNetworkErrorExplainer,
} from '@/lib/bzctrl/client';
import {
  addTaskBody,
  freezeClock,
  json,
  NOW,
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
    expect(requests[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'manual' });
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

  it('calls a fetch that timed out a timeout', async () => {
    const error = await addTaskError(() => {
      throw new DOMException('x', 'TimeoutError');
    });
    expect(error).toMatchObject({ kind: 'timeout', message: 'BzCtrl did not answer in time.' });
  });

  it('passes on how long a 429 or 503 asks to wait (Retry-After), in ms', async () => {
    freezeClock();
    const tooMany = await addTaskError(json({ status: 429 }, 429, { 'Retry-After': '3' }));
    expect(tooMany).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 3_000 });
    const unavailable = await addTaskError(
      json({ status: 503 }, 503, { 'Retry-After': 'Sat, 14 Mar 2026 09:12:30 GMT' }),
    );
    expect(unavailable).toMatchObject({ kind: 'http', status: 503, retryAfterMs: 30_000 });
    const without = await addTaskError(json({ status: 503 }, 503));
    expect(without.retryAfterMs).toBeUndefined();
  });
});

describe('a redirect', () => {
  /** What fetch gives for a redirect with `redirect: 'manual'` in a browser: status 0, no body. */
  function opaqueRedirect(): Response {
    const response = new Response(null, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(response, 'status', { value: 0 });
    return response;
  }

  it('is an answer, never followed: an opaque redirect', async () => {
    const { requests } = stubFetch(() => opaqueRedirect());
    const error = await postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BzCtrlError);
    expect(error).toMatchObject({
      kind: 'redirect',
      message: 'BzCtrl answered with a redirect instead of the item.',
    });
    expect((error as BzCtrlError).status).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it.each([301, 302, 303, 307, 308])('is an answer, never followed: a %i with its status', async (status) => {
    const error = await addTaskError(
      new Response(null, {
        status,
        headers: { Location: 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03' },
      }),
    );
    expect(error).toMatchObject({ kind: 'redirect', status });
  });

  it('from the token endpoint too', async () => {
    stubFetch(() => new Response(null, { status: 302, headers: { Location: 'https://login.example.com/' } }));
    await expect(requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT)).rejects.toMatchObject({
      kind: 'redirect',
      status: 302,
    });
  });
});

describe('a request that got no answer', () => {
  afterEach(() => {
    setNetworkErrorExplainer(async () => undefined);
  });

  const failedFetch = () => () => {
    throw new TypeError('Failed to fetch');
  };

  it('may have reached BzCtrl when nothing says why it failed, and names the host', async () => {
    const error = await addTaskError(failedFetch());
    expect(error).toMatchObject({
      kind: 'network',
      message: 'The connection to BzCtrl (www.bzctrl.com) ended without an answer.',
    });
  });

  it('surely never left when the browser is offline, whatever else is said', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const explainer = vi.fn(async () => 'net::ERR_CONNECTION_RESET');
    setNetworkErrorExplainer(explainer);

    const error = await addTaskError(failedFetch());

    expect(error).toMatchObject({
      kind: 'not-sent',
      message: 'BzCtrl could not be reached (www.bzctrl.com).',
    });
    expect(explainer).not.toHaveBeenCalled();
  });

  // The network dropped while BzCtrl answered: the request went out, and may have created the item.
  it('may have reached BzCtrl when the browser went offline only after the request went out', async () => {
    vi.stubGlobal('navigator', { onLine: true });
    setNetworkErrorExplainer(async () => 'net::ERR_CONNECTION_RESET');

    const error = await addTaskError(() => {
      vi.stubGlobal('navigator', { onLine: false });
      throw new TypeError('Failed to fetch');
    });

    expect(error).toMatchObject({ kind: 'network' });
  });

  // Then the browser's error for a failed request is surely its own (lib/background/network-errors.ts).
  it('sends add-task requests one after another, never two at once', async () => {
    const answers: ((response: Response) => void)[] = [];
    const { requests } = stubFetch(() => new Promise<Response>((resolve) => answers.push(resolve)));

    const first = postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY);
    const second = postAddTask(PROD_ADD_TASK_URL, 'access-1', BODY);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toHaveLength(1);

    answers[0]?.(json(addTaskBody(), 201));
    await first;
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    answers[1]?.(json(addTaskBody(), 201));
    await expect(second).resolves.toMatchObject({ taskLink: TASK_LINK });
  });

  it('asks the explainer about this URL since the request began, when the browser is online', async () => {
    freezeClock();
    vi.stubGlobal('navigator', { onLine: true });
    const explainer = vi.fn(async () => undefined);
    setNetworkErrorExplainer(explainer);

    await expect(addTaskError(failedFetch())).resolves.toMatchObject({ kind: 'network' });

    expect(explainer).toHaveBeenCalledWith(PROD_ADD_TASK_URL, NOW);
  });

  it.each([
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_NAME_RESOLUTION_FAILED',
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_ADDRESS_UNREACHABLE',
    'net::ERR_CONNECTION_TIMED_OUT',
    'net::ERR_PROXY_CONNECTION_FAILED',
    'NS_ERROR_OFFLINE',
    'NS_ERROR_UNKNOWN_HOST',
    'NS_ERROR_CONNECTION_REFUSED',
    'NS_ERROR_PROXY_CONNECTION_REFUSED',
  ])('surely never left after %s', async (reason) => {
    setNetworkErrorExplainer(async () => reason);
    expect(neverLeft(reason)).toBe(true);
    await expect(addTaskError(failedFetch())).resolves.toMatchObject({ kind: 'not-sent' });
  });

  it.each([
    'net::ERR_CONNECTION_RESET',
    'net::ERR_CONNECTION_CLOSED',
    'net::ERR_EMPTY_RESPONSE',
    'net::ERR_FAILED',
    'net::ERR_TIMED_OUT',
    'NS_ERROR_NET_RESET',
    'NS_ERROR_NET_INTERRUPT',
  ])('may have reached BzCtrl after %s', async (reason) => {
    setNetworkErrorExplainer(async () => reason);
    expect(neverLeft(reason)).toBe(false);
    await expect(addTaskError(failedFetch())).resolves.toMatchObject({ kind: 'network' });
  });

  it('may have reached BzCtrl when the explainer itself fails', async () => {
    setNetworkErrorExplainer(async () => {
      throw new Error('no webRequest here');
    });
    await expect(addTaskError(failedFetch())).resolves.toMatchObject({ kind: 'network' });
  });

  it('is told apart the same way for the token endpoint', async () => {
    setNetworkErrorExplainer(async () => 'net::ERR_NAME_NOT_RESOLVED');
    stubFetch(failedFetch());
    await expect(requestToken(PROD_TOKEN_URL, PASSWORD_GRANT, NO_CLIENT)).rejects.toMatchObject({
      kind: 'not-sent',
      message: 'BzCtrl could not be reached (bzctrl.com).',
    });
  });
});

describe('an address that is not safe', () => {
  it.each([
    'http://www.bzctrl.com/bzctrl-core-api/api/v1/task/add-task',
    'http://192.168.1.20:8787/add-task',
    'https://user:secret@www.bzctrl.com/add-task',
    'ftp://www.bzctrl.com/add-task',
    'not a url',
  ])('gets nothing, not even a request: %s', async (url) => {
    const { fetchMock } = stubFetch(() => json(addTaskBody(), 201));

    await expect(postAddTask(url, 'access-1', BODY)).rejects.toMatchObject({
      kind: 'not-sent',
      message: `Nothing is sent to ${url}: only to https addresses, or plain http on this computer.`,
    });
    await expect(requestToken(url, PASSWORD_GRANT, NO_CLIENT)).rejects.toMatchObject({ kind: 'not-sent' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each(['http://127.0.0.1:8787/add-task', 'http://localhost:8787/add-task'])(
    'sends to this machine over plain http: %s',
    async (url) => {
      const { requests } = stubFetch(() => json(addTaskBody(), 201));
      await postAddTask(url, 'access-1', BODY);
      expect(requests.map((request) => request.url)).toEqual([url]);
    },
  );
});

describe('parseRetryAfter', () => {
  const SECOND = 1_000;
  const MINUTE = 60 * SECOND;

  it.each([
    ['120', 120 * SECOND],
    ['3', 3 * SECOND],
    [' 3 ', 3 * SECOND],
    ['0', 0],
  ])('reads the seconds %j', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it('waits at most a day, whatever the seconds say', () => {
    expect(parseRetryAfter('999999999', NOW)).toBe(24 * 60 * MINUTE);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:14:30 GMT', NOW)).toBe(2 * MINUTE + 30 * SECOND);
  });

  it('reads an HTTP date already past as no wait', () => {
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each([null, undefined, ''])('is undefined when the header is absent (%j)', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  // '-5' and '1.5' are neither delay-seconds (1*DIGIT) nor an HTTP date, but V8's lenient
  // Date.parse reads them as dates in 2001, so they come out as 0 ms instead of undefined.
  it.each(['soon', 'in 2 minutes', '0x10', '-5', '1.5'])('is undefined for the garbage %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});
