import type { IncomingHttpHeaders } from 'node:http';
import type { Endpoint } from './faults.js';
import {
  headerValue,
  jsonReply,
  mediaType,
  oauthErrorReply,
  parseJson,
  type Reply,
  springErrorReply,
} from './http.js';
import type { ClientCredentials, SandboxState } from './state.js';
import type { TokenStore } from './tokens.js';
import { validateAddTask } from './validation.js';
import { isPlainObject } from './values.js';

export const API_PREFIX = '/bzctrl-core-api';
export const TOKEN_PATH = `${API_PREFIX}/oauth/token`;
export const ADD_TASK_PATH = `${API_PREFIX}/api/v1/task/add-task`;

const FULL_AUTHENTICATION_REQUIRED = 'Full authentication is required to access this resource';
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export interface ApiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Where task links point: the origin the caller used to reach the sandbox. */
  appBaseUrl: string;
}

export function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

export function endpointOf(path: string): Endpoint {
  if (path === TOKEN_PATH) return 'token';
  if (path === ADD_TASK_PATH) return 'add-task';
  return 'other';
}

export function answerApiRequest(state: SandboxState, request: ApiRequest): Reply {
  switch (endpointOf(request.path)) {
    case 'token':
      return answerToken(state, request);
    case 'add-task':
      return answerAddTask(state, request);
    case 'other':
      return springErrorReply(404, request.path, `No endpoint ${request.method} ${request.path}.`);
  }
}

// Token endpoint: Spring Security OAuth2 behaviour, client authentication first as its filter chain does.

function basicCredentials(headers: IncomingHttpHeaders): ClientCredentials | undefined {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(headerValue(headers, 'authorization') ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? { id: decoded, secret: '' }
    : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function clientAuthenticationFailure(
  client: ClientCredentials | null,
  headers: IncomingHttpHeaders,
): Reply | undefined {
  if (client === null) return undefined;
  const challenge = { 'www-authenticate': 'Basic realm="oauth2/client"' };
  const presented = basicCredentials(headers);
  if (presented === undefined) {
    return oauthErrorReply(401, 'unauthorized', FULL_AUTHENTICATION_REQUIRED, challenge);
  }
  if (presented.id !== client.id || presented.secret !== client.secret) {
    return oauthErrorReply(401, 'invalid_client', 'Bad client credentials', challenge);
  }
  return undefined;
}

function answerToken(state: SandboxState, request: ApiRequest): Reply {
  const clientFailure = clientAuthenticationFailure(state.config.client, request.headers);
  if (clientFailure !== undefined) return clientFailure;
  if (request.method !== 'POST') {
    return oauthErrorReply(405, 'method_not_allowed', `Request method '${request.method}' not supported`, {
      allow: 'POST, OPTIONS',
    });
  }
  if (mediaType(request.headers) !== 'application/x-www-form-urlencoded') {
    return oauthErrorReply(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(request.body);
  const grantType = form.get('grant_type');
  switch (grantType) {
    case 'password':
      return passwordGrant(state, form);
    case 'refresh_token':
      return refreshGrant(state, form);
    case null:
    case '':
      return oauthErrorReply(400, 'invalid_request', 'Missing grant type');
    default:
      return oauthErrorReply(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  }
}

function passwordGrant(state: SandboxState, form: URLSearchParams): Reply {
  const username = form.get('username');
  const password = form.get('password');
  if (!username || !password) return oauthErrorReply(400, 'invalid_request', 'Missing username or password');
  const user = state.config.users.find(
    (candidate) =>
      candidate.email.toLowerCase() === username.toLowerCase() && candidate.password === password,
  );
  if (user === undefined) return oauthErrorReply(400, 'invalid_grant', 'Bad credentials');
  return jsonReply(200, state.tokens.issue(user.email, state.config), NO_STORE);
}

function refreshGrant(state: SandboxState, form: URLSearchParams): Reply {
  const refreshToken = form.get('refresh_token');
  if (!refreshToken) return oauthErrorReply(400, 'invalid_request', 'Missing refresh token');
  const found = state.tokens.checkRefresh(refreshToken);
  if (found.state !== 'valid') {
    const reason = found.state === 'expired' ? 'Invalid refresh token (expired)' : 'Invalid refresh token';
    return oauthErrorReply(400, 'invalid_grant', `${reason}: ${refreshToken}`);
  }
  return jsonReply(200, state.tokens.issue(found.user, state.config, refreshToken), NO_STORE);
}

// Add-task endpoint: the resource server's checks in Spring's order: token, method, media type, body, fields.

function bearerFailure(tokens: TokenStore, headers: IncomingHttpHeaders): Reply | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(headers, 'authorization') ?? '')?.[1];
  if (token === undefined) {
    return oauthErrorReply(401, 'unauthorized', FULL_AUTHENTICATION_REQUIRED, {
      'www-authenticate': `Bearer realm="oauth", error="unauthorized", error_description="${FULL_AUTHENTICATION_REQUIRED}"`,
    });
  }
  const found = tokens.checkAccess(token);
  if (found.state === 'valid') return undefined;
  const description =
    found.state === 'expired' ? `Access token expired: ${token}` : `Invalid access token: ${token}`;
  // The token itself stays out of the header: it is caller-supplied text.
  return oauthErrorReply(401, 'invalid_token', description, {
    'www-authenticate': 'Bearer realm="oauth", error="invalid_token"',
  });
}

function answerAddTask(state: SandboxState, request: ApiRequest): Reply {
  const { path } = request;
  const authFailure = bearerFailure(state.tokens, request.headers);
  if (authFailure !== undefined) return authFailure;
  if (request.method !== 'POST') {
    return springErrorReply(405, path, `Request method '${request.method}' is not supported`);
  }
  if (mediaType(request.headers) !== 'application/json') {
    const contentType = headerValue(request.headers, 'content-type') ?? 'application/octet-stream';
    return springErrorReply(415, path, `Content-Type '${contentType}' is not supported`);
  }
  if (request.body.trim() === '') return springErrorReply(400, path, 'Required request body is missing');
  const parsed = parseJson(request.body);
  if (!parsed.parsed) return springErrorReply(400, path, `JSON parse error: ${parsed.error}`);
  if (!isPlainObject(parsed.value)) {
    return springErrorReply(400, path, 'JSON parse error: the request body must be a JSON object');
  }
  const validation = validateAddTask(parsed.value);
  if (!validation.valid) {
    const [first] = validation.errors;
    return springErrorReply(
      400,
      path,
      `Validation failed for field '${first.field}': ${first.defaultMessage}`,
      {
        errors: validation.errors,
      },
    );
  }
  const task = state.tasks.create(validation.request, request.appBaseUrl);
  return jsonReply(201, {
    title: task.title,
    taskType: task.todoType,
    description: task.description,
    taskLink: task.taskLink,
    tags: task.tags,
  });
}
