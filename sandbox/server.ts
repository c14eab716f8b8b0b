import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ADD_TASK_PATH,
  type ApiRequest,
  answerApiRequest,
  endpointOf,
  isApiPath,
  TOKEN_PATH,
} from './bzctrl-api.js';
import { answerControl, CONTROL_PREFIX } from './control.js';
import { API_CORS, CONTROL_CORS, preflightReply, withCors } from './cors.js';
import type { Fault } from './faults.js';
import {
  BodyTooLargeError,
  emptyReply,
  flattenHeaders,
  headerValue,
  jsonReply,
  mediaType,
  parseJson,
  type Reply,
  readBody,
  springErrorReply,
  writeReply,
} from './http.js';
import { loadPages, type PageSet, pageReply } from './pages.js';
import {
  type ClientCredentials,
  isClientCredentials,
  isLifetime,
  isSandboxUser,
  LIFETIME_KEYS,
  type RequestLogEntry,
  type SandboxConfig,
  SandboxState,
  type SandboxUser,
} from './state.js';

export interface SandboxOptions {
  /** Default 8787; 0 picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3600. */
  accessTokenLifetimeSeconds?: number;
  /** Default 86400. */
  refreshTokenLifetimeSeconds?: number;
  /** Default: only DEMO_USER. */
  users?: SandboxUser[];
  /** When set, the token endpoint requires HTTP Basic client auth with these; when unset, Basic is accepted but not required. */
  client?: ClientCredentials;
  /** No console output. */
  quiet?: boolean;
  /** Default true: see SandboxConfig.keepAlive. */
  keepAlive?: boolean;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:8787, no trailing slash: where its demo screens are. */
  url: string;
  /**
   * The same server named `localhost` (http://localhost:8787), as the extension's sandbox and e2e
   * builds reach BzCtrl's API: they have access to that host, and not to the screens on 127.0.0.1.
   */
  apiUrl: string;
  port: number;
  close(): Promise<void>;
}

export const DEMO_USER: { email: string; password: string } = {
  email: 'operator@example.com',
  password: 'Sandbox-2026!',
};

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEMO_PAGE_PATHS = [
  '/demo/',
  '/demo/service-order.html',
  '/demo/customs-declaration.html',
] as const;

/** A dropped request gets no answer at all: its socket is destroyed. */
const DROP = Symbol('drop');
/** An answer that breaks off: status, headers and half its body, then the socket is destroyed. */
interface Truncated {
  truncated: Reply;
}
type Outcome = Reply | typeof DROP | Truncated;

interface ServerContext {
  state: SandboxState;
  pages: PageSet;
  /** Aborted on close, so delayed answers stop waiting. */
  closing: AbortSignal;
  log: (line: string) => void;
  /** The listening address, for task links when the request names no usable Host. */
  baseUrl: () => string;
}

function configFromOptions(options: SandboxOptions): SandboxConfig {
  const config: SandboxConfig = {
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 86400,
    users: options.users ?? [DEMO_USER],
    client: options.client ?? null,
    keepAlive: options.keepAlive ?? true,
  };
  for (const key of LIFETIME_KEYS) {
    if (!isLifetime(config[key])) {
      throw new RangeError(`${key} must be a non-negative whole number of seconds`);
    }
  }
  if (config.users.length === 0 || !config.users.every(isSandboxUser)) {
    throw new TypeError('users must be a non-empty list of {email, password} with non-empty values');
  }
  if (config.client !== null && !isClientCredentials(config.client)) {
    throw new TypeError('client must be {id, secret} with a non-empty id');
  }
  return config;
}

function urlHost(host: string): string {
  // A wildcard address is not somewhere a browser can go; the loopback address of its family is.
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Task links follow the host name the caller used, so an extension set up with `localhost` gets a `localhost` link. */
function appBaseUrl(req: IncomingMessage, fallback: string): string {
  const host = headerValue(req.headers, 'host');
  return host !== undefined && HOST_HEADER.test(host) ? `http://${host}` : fallback;
}

function requestPath(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
}

function faultReply(fault: Fault, status: number): Reply {
  const base: Reply =
    fault.body === undefined
      ? emptyReply(status)
      : typeof fault.body === 'string'
        ? { status, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: fault.body }
        : jsonReply(status, fault.body);
  return { ...base, headers: { ...base.headers, ...fault.headers } };
}

async function answerWithFaults(
  context: ServerContext,
  entry: RequestLogEntry,
  request: ApiRequest,
): Promise<Outcome> {
  const fault = context.state.faults.take(endpointOf(request.path));
  if (fault === undefined) return answerApiRequest(context.state, request);
  entry.fault = true;
  // Handled first: the item exists, whatever the caller gets to hear of it.
  const handled = fault.handled ? answerApiRequest(context.state, request) : undefined;
  if (fault.delayMs > 0) await delay(fault.delayMs, undefined, { signal: context.closing });
  if (fault.drop) return DROP;
  const reply =
    fault.status !== undefined
      ? faultReply(fault, fault.status)
      : (handled ?? answerApiRequest(context.state, request));
  return fault.truncate ? { truncated: reply } : reply;
}

function newLogEntry(req: IncomingMessage, method: string, path: string, body: string): RequestLogEntry {
  const parsedJson = parseJson(body);
  return {
    method,
    path,
    headers: flattenHeaders(req.headers),
    body,
    json: parsedJson.parsed ? parsedJson.value : null,
    form:
      mediaType(req.headers) === 'application/x-www-form-urlencoded'
        ? Object.fromEntries(new URLSearchParams(body))
        : null,
    status: null,
    fault: false,
    time: new Date().toISOString(),
  };
}

async function handleApiRequest(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
): Promise<void> {
  const body = await readBody(req);
  const entry = newLogEntry(req, method, path, body);
  context.state.requestLog.push(entry);

  const outcome: Outcome =
    method === 'OPTIONS'
      ? preflightReply(API_CORS, req.headers)
      : await answerWithFaults(context, entry, {
          method,
          path,
          headers: req.headers,
          body,
          appBaseUrl: appBaseUrl(req, context.baseUrl()),
        });
  const faultNote = entry.fault ? ' (fault)' : '';
  if (outcome === DROP) {
    req.socket.destroy();
    context.log(`${method} ${path} → dropped${faultNote}`);
    return;
  }
  const reply = withCors(API_CORS, req.headers, 'truncated' in outcome ? outcome.truncated : outcome);
  entry.status = reply.status;
  // Without keep-alive, every request comes on a connection of its own (see SandboxConfig.keepAlive).
  if (!context.state.config.keepAlive) res.setHeader('connection', 'close');
  if ('truncated' in outcome) {
    writeTruncatedReply(res, reply);
    context.log(`${method} ${path} → ${reply.status}, broken off${faultNote}`);
    return;
  }
  writeReply(res, reply);
  context.log(`${method} ${path} → ${reply.status}${faultNote}`);
}

async function handleRequest(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = requestPath(req);
  if (isApiPath(path)) return handleApiRequest(context, req, res, method, path);
  if (path.startsWith(CONTROL_PREFIX)) {
    const body = await readBody(req);
    const reply =
      method === 'OPTIONS'
        ? preflightReply(CONTROL_CORS, req.headers)
        : withCors(CONTROL_CORS, req.headers, answerControl(context.state, method, path, body));
    return writeReply(res, reply);
  }
  writeReply(res, pageReply(context.pages, method, path));
}

/** Sends the status, the headers and half the body of `reply`, then breaks the connection. */
function writeTruncatedReply(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

function replyToFailure(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
): void {
  // Closing aborts delayed answers; their sockets are already gone.
  if (context.closing.aborted) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const path = requestPath(req);
  if (error instanceof BodyTooLargeError) {
    writeReply(res, springErrorReply(413, path, error.message));
    return;
  }
  context.log(
    `Error answering ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`,
  );
  writeReply(res, springErrorReply(500, path, 'Sandbox error'));
}

function printBanner(url: string, config: SandboxConfig): void {
  const lines = [
    `BzCtrl sandbox running at ${url}`,
    ...config.users.map((user) => `  Sign in as:     ${user.email}  password: ${user.password}`),
    `  Token URL:      ${url}${TOKEN_PATH}`,
    `  Add-task URL:   ${url}${ADD_TASK_PATH}`,
    `  Client auth:    ${config.client === null ? 'not required (HTTP Basic accepted)' : `required, client id ${config.client.id}`}`,
    `  Token lifetime: ${config.accessTokenLifetimeSeconds} s (refresh ${config.refreshTokenLifetimeSeconds} s)`,
    ...DEMO_PAGE_PATHS.map((path) => `  Demo page:      ${url}${path}`),
    `  Created items:  ${url}/app/#/todo/<id>`,
    `  Test control:   ${url}${CONTROL_PREFIX}requests`,
  ];
  console.log(lines.join('\n'));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = configFromOptions(options);
  const pages = await loadPages();
  const closing = new AbortController();
  let url = '';
  const context: ServerContext = {
    state: new SandboxState(config),
    pages,
    closing: closing.signal,
    log: options.quiet ? () => {} : (line) => console.log(line),
    baseUrl: () => url,
  };

  const server = createServer((req, res) => {
    handleRequest(context, req, res).catch((error: unknown) => replyToFailure(context, req, res, error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The sandbox must listen on a TCP port');
  }
  url = `http://${urlHost(address.address)}:${address.port}`;
  if (!options.quiet) printBanner(url, config);

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve, reject) => {
      closing.abort();
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive and delayed connections would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closed;
  };
  const apiUrl = url.replace('//127.0.0.1:', '//localhost:');
  return { url, apiUrl, port: address.port, close };
}
