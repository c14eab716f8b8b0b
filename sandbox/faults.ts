import type { HeaderMap } from './http.js';
import { isNonNegativeInteger, isPlainObject } from './values.js';

export const FAULT_TARGETS = ['token', 'add-task', 'any'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

/** Which BzCtrl endpoint a request is for; `other` is any further path under the API prefix. */
export type Endpoint = 'token' | 'add-task' | 'other';

export interface Fault {
  target: FaultTarget;
  status?: number;
  /** Strings are sent as they are, anything else as JSON. */
  body?: string | object;
  headers: HeaderMap;
  delayMs: number;
  drop: boolean;
  /**
   * BzCtrl handles the request first (add-task creates the item), and then the fault decides what
   * the caller gets: the answer that BzCtrl sent is lost, as when a gateway times out, a
   * connection breaks after the request went out, or a redirect follows a POST.
   */
  handled: boolean;
  /** The answer breaks off halfway through its body (status and headers arrive). */
  truncate: boolean;
  /** How many more matching requests this fault applies to. */
  remaining: number;
}

export type FaultParse = { ok: true; fault: Fault } | { ok: false; error: string };

const FAULT_KEYS = ['target', 'status', 'body', 'headers', 'delayMs', 'drop', 'handled', 'truncate', 'times'];

function isFaultTarget(value: unknown): value is FaultTarget {
  return FAULT_TARGETS.some((known) => known === value);
}

function isFaultBody(value: unknown): value is string | object {
  return typeof value === 'string' || (typeof value === 'object' && value !== null);
}

function parseHeaders(value: unknown): HeaderMap | undefined {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return undefined;
  const headers: HeaderMap = {};
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== 'string') return undefined;
    headers[name.toLowerCase()] = headerValue;
  }
  return headers;
}

export function parseFault(input: unknown): FaultParse {
  if (!isPlainObject(input)) return { ok: false, error: 'a fault must be a JSON object' };
  const unknownKey = Object.keys(input).find((key) => !FAULT_KEYS.includes(key));
  if (unknownKey !== undefined) return { ok: false, error: `unknown key '${unknownKey}'` };

  const {
    target,
    status,
    body,
    delayMs = 0,
    drop = false,
    handled = false,
    truncate = false,
    times = 1,
  } = input;
  if (!isFaultTarget(target)) {
    return { ok: false, error: `target must be one of ${FAULT_TARGETS.join(', ')}` };
  }
  if (status !== undefined && !(isNonNegativeInteger(status) && status >= 200 && status <= 599)) {
    return { ok: false, error: 'status must be an integer from 200 to 599' };
  }
  if (body !== undefined && !isFaultBody(body)) {
    return { ok: false, error: 'body must be a string or a JSON object' };
  }
  const headers = parseHeaders(input.headers);
  if (headers === undefined) return { ok: false, error: 'headers must be an object of string values' };
  if (!isNonNegativeInteger(delayMs)) return { ok: false, error: 'delayMs must be a non-negative integer' };
  if (typeof drop !== 'boolean') return { ok: false, error: 'drop must be a boolean' };
  if (typeof handled !== 'boolean') return { ok: false, error: 'handled must be a boolean' };
  if (typeof truncate !== 'boolean') return { ok: false, error: 'truncate must be a boolean' };
  if (!isNonNegativeInteger(times) || times < 1) {
    return { ok: false, error: 'times must be a positive integer' };
  }
  if (status === undefined && !drop && !truncate && delayMs === 0) {
    return { ok: false, error: 'a fault needs status, drop, truncate or delayMs' };
  }
  return {
    ok: true,
    fault: {
      target,
      ...(status === undefined ? {} : { status }),
      ...(isFaultBody(body) ? { body } : {}),
      headers,
      delayMs,
      drop,
      handled,
      truncate,
      remaining: times,
    },
  };
}

function matches(target: FaultTarget, endpoint: Endpoint): boolean {
  return target === 'any' || target === endpoint;
}

/** Faults wait in arrival order; a request takes the oldest one that targets its endpoint. */
export class FaultQueue {
  #pending: Fault[] = [];

  add(fault: Fault): void {
    this.#pending.push(fault);
  }

  take(endpoint: Endpoint): Fault | undefined {
    const index = this.#pending.findIndex((fault) => matches(fault.target, endpoint));
    const fault = this.#pending[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#pending.splice(index, 1);
    return fault;
  }

  list(): readonly Fault[] {
    return this.#pending;
  }

  clear(): void {
    this.#pending = [];
  }
}
