import type { IncomingHttpHeaders } from 'node:http';
import { emptyReply, type HeaderMap, headerValue, type Reply } from './http.js';

export interface CorsPolicy {
  /** Echo the caller's Origin (an extension's `chrome-extension://…` page or worker) rather than `*`. */
  echoOrigin: boolean;
  methods: string;
  allowHeaders: string;
}

export const API_CORS: CorsPolicy = {
  echoOrigin: true,
  methods: 'POST, OPTIONS',
  allowHeaders: 'Authorization, Content-Type',
};

export const CONTROL_CORS: CorsPolicy = {
  echoOrigin: false,
  methods: 'GET, POST, DELETE, OPTIONS',
  allowHeaders: 'Content-Type',
};

function originHeaders(policy: CorsPolicy, requestHeaders: IncomingHttpHeaders): HeaderMap {
  if (!policy.echoOrigin) return { 'access-control-allow-origin': '*' };
  return { 'access-control-allow-origin': headerValue(requestHeaders, 'origin') ?? '*', vary: 'Origin' };
}

export function preflightReply(policy: CorsPolicy, requestHeaders: IncomingHttpHeaders): Reply {
  // Chrome's Private Network Access asks before a public context may call a loopback server.
  const asksPrivateNetwork = headerValue(requestHeaders, 'access-control-request-private-network') === 'true';
  return emptyReply(204, {
    ...originHeaders(policy, requestHeaders),
    'access-control-allow-methods': policy.methods,
    'access-control-allow-headers': policy.allowHeaders,
    'access-control-max-age': '600',
    ...(asksPrivateNetwork ? { 'access-control-allow-private-network': 'true' } : {}),
  });
}

/** Adds CORS headers to an actual response; headers the reply sets itself win, so faults can break CORS on purpose. */
export function withCors(policy: CorsPolicy, requestHeaders: IncomingHttpHeaders, reply: Reply): Reply {
  const cors = {
    ...originHeaders(policy, requestHeaders),
    'access-control-expose-headers': 'Retry-After, WWW-Authenticate',
  };
  return { ...reply, headers: { ...cors, ...reply.headers } };
}
