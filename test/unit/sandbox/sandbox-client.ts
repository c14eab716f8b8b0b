// Shared by the sandbox tests: one quiet sandbox per test file on a free port, reset before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  DEMO_USER,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from '../../../sandbox/server.js';

export const TOKEN_PATH = '/bzctrl-core-api/oauth/token';
export const ADD_TASK_PATH = '/bzctrl-core-api/api/v1/task/add-task';

export const VALID_TASK: Readonly<Record<string, unknown>> = {
  todoType: 'TASK',
  domainWorkSpace: 'VTT-NLD-TML-FIN',
  title: 'Hose leak at jetty 3',
  description: 'Seen during discharge of MT Nordic Star',
  status: 'INPROGRESS',
  assignee: 'operator@example.com',
  reporter: 'operator@example.com',
  orderID: '7770142',
};

export const VALID_INCIDENT: Readonly<Record<string, unknown>> = {
  ...VALID_TASK,
  todoType: 'INCIDENT',
  domainWorkSpace: 'IMP-NLD-EXA-SWA',
  title: 'Potential Customs claim',
};

export interface TokenBody {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  jti: string;
}

export interface SpringError {
  timestamp: string;
  status: number;
  error: string;
  message: string;
  path: string;
  errors?: { field: string; defaultMessage: string; rejectedValue: unknown }[];
}

export interface SandboxClient {
  readonly url: string;
  /** POSTs a form to the token endpoint. */
  token(form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Signs in as the demo user and returns the token body. */
  signIn(): Promise<TokenBody>;
  /** POSTs a JSON body (or a raw string) to add-task with a bearer token. */
  addTask(
    body: unknown,
    accessToken: string | undefined,
    headers?: Record<string, string>,
  ): Promise<Response>;
  control(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<Response>;
}

function client(url: string): SandboxClient {
  const token: SandboxClient['token'] = (form, headers = {}) =>
    fetch(`${url}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  return {
    url,
    token,
    async signIn() {
      const response = await token({
        grant_type: 'password',
        username: DEMO_USER.email,
        password: DEMO_USER.password,
      });
      if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}`);
      return (await response.json()) as TokenBody;
    },
    addTask(body, accessToken, headers = {}) {
      return fetch(`${url}${ADD_TASK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` }),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    control(method, route, body) {
      return fetch(`${url}/__sandbox/${route}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    },
  };
}

/** Starts a sandbox for the calling test file and resets it before each test. */
export function setUpSandbox(options: SandboxOptions = {}): () => SandboxClient {
  let sandbox: RunningSandbox | undefined;
  let sandboxClient: SandboxClient | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quiet: true, ...options });
    sandboxClient = client(sandbox.url);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    await sandboxClient?.control('POST', 'reset');
  });
  return () => {
    if (sandboxClient === undefined) throw new Error('the sandbox has not started');
    return sandboxClient;
  };
}

/** Polls until `condition` holds; tests wait for states, not for fixed times. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}
