import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';

/** Header names are kept lower-case so that merging two header sets overrides instead of duplicating. */
export type HeaderMap = Record<string, string>;

/** A complete answer, built first and written once, so the request log can record its status. */
export interface Reply {
  status: number;
  headers: HeaderMap;
  body: string;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
}

export function jsonReply(status: number, value: unknown, headers: HeaderMap = {}): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function emptyReply(status = 204, headers: HeaderMap = {}): Reply {
  return { status, headers, body: '' };
}

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

/** The error body Spring Boot writes for a failed request. */
export function springErrorReply(status: number, path: string, message: string, extra: object = {}): Reply {
  return jsonReply(status, {
    timestamp: new Date().toISOString(),
    status,
    error: statusText(status),
    message,
    path,
    ...extra,
  });
}

/** The error body Spring Security OAuth2 writes. */
export function oauthErrorReply(
  status: number,
  error: string,
  description: string,
  headers: HeaderMap = {},
): Reply {
  return jsonReply(status, { error, error_description: description }, headers);
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  // 204 and 304 answers carry no body, and HTTP forbids a Content-Length on a 204.
  if (reply.status === 204 || reply.status === 304) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function flattenHeaders(headers: IncomingHttpHeaders): HeaderMap {
  const flat: HeaderMap = {};
  for (const name of Object.keys(headers)) {
    const value = headerValue(headers, name);
    if (value !== undefined) flat[name] = value;
  }
  return flat;
}

/** The media type without parameters, lower-case; `application/json; charset=utf-8` gives `application/json`. */
export function mediaType(headers: IncomingHttpHeaders): string | undefined {
  const contentType = headerValue(headers, 'content-type');
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function parseJson(text: string): { parsed: true; value: unknown } | { parsed: false; error: string } {
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch (error) {
    return { parsed: false, error: error instanceof Error ? error.message : String(error) };
  }
}
