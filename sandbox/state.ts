import { FaultQueue } from './faults.js';
import type { HeaderMap } from './http.js';
import { type TokenLifetimes, TokenStore } from './tokens.js';
import type { AddTaskRequest } from './validation.js';
import { isNonNegativeInteger, isPlainObject } from './values.js';

export interface SandboxUser {
  email: string;
  password: string;
}

export interface ClientCredentials {
  id: string;
  secret: string;
}

export interface SandboxConfig extends TokenLifetimes {
  users: readonly SandboxUser[];
  /** When set, the token endpoint demands HTTP Basic client authentication with these. */
  client: ClientCredentials | null;
  /**
   * Whether API answers keep the connection open (true, as servers do). Browsers send a request
   * again by themselves when a reused connection dies before the answer's headers (Chromium does),
   * which no extension can prevent; a test of what the extension itself sends again turns this off,
   * so that every request has a connection of its own.
   */
  keepAlive: boolean;
}

export const LIFETIME_KEYS = ['accessTokenLifetimeSeconds', 'refreshTokenLifetimeSeconds'] as const;

/** Whole seconds; 0 is allowed and issues tokens that are expired at once. */
export const isLifetime = isNonNegativeInteger;

export function isClientCredentials(value: unknown): value is ClientCredentials {
  return (
    isPlainObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.secret === 'string'
  );
}

export function isSandboxUser(value: unknown): value is SandboxUser {
  return (
    isPlainObject(value) &&
    typeof value.email === 'string' &&
    value.email !== '' &&
    typeof value.password === 'string' &&
    value.password !== ''
  );
}

export interface RequestLogEntry {
  method: string;
  path: string;
  headers: HeaderMap;
  body: string;
  json: unknown;
  form: Record<string, string> | null;
  /** Null while unanswered, and for ever when the request was dropped. */
  status: number | null;
  fault: boolean;
  time: string;
}

export interface CreatedTask extends AddTaskRequest {
  id: string;
  createdAt: string;
  /** BzCtrl sets the due date to the day of the transaction when the status is DONE. */
  dueDate: string | null;
  taskLink: string;
  tags: string[];
}

/** The server's local calendar date, YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class TaskStore {
  readonly #tasks = new Map<string, CreatedTask>();
  readonly #countPerWorkspace = new Map<string, number>();

  create(request: AddTaskRequest, appBaseUrl: string): CreatedTask {
    const number = (this.#countPerWorkspace.get(request.domainWorkSpace) ?? 0) + 1;
    this.#countPerWorkspace.set(request.domainWorkSpace, number);
    const id = `${request.domainWorkSpace}-${String(number).padStart(2, '0')}`;
    const now = new Date();
    const task: CreatedTask = {
      ...request,
      id,
      createdAt: now.toISOString(),
      dueDate: request.status === 'DONE' ? localDate(now) : null,
      taskLink: `${appBaseUrl}/app/#/todo/${id}`,
      tags: [`SO ${request.orderID}`, ...(request.lrn === undefined ? [] : [`LRN ${request.lrn}`])],
    };
    this.#tasks.set(id, task);
    return task;
  }

  get(id: string): CreatedTask | undefined {
    return this.#tasks.get(id);
  }

  list(): CreatedTask[] {
    return [...this.#tasks.values()];
  }

  clear(): void {
    this.#tasks.clear();
    this.#countPerWorkspace.clear();
  }
}

/** Everything a running sandbox remembers; `reset()` returns it to how it started. */
export class SandboxState {
  config: SandboxConfig;
  readonly tokens = new TokenStore();
  readonly faults = new FaultQueue();
  readonly tasks = new TaskStore();
  requestLog: RequestLogEntry[] = [];
  readonly #initialConfig: SandboxConfig;

  constructor(initialConfig: SandboxConfig) {
    this.#initialConfig = initialConfig;
    this.config = { ...initialConfig };
  }

  reset(): void {
    this.config = { ...this.#initialConfig };
    this.tokens.clear();
    this.faults.clear();
    this.tasks.clear();
    this.requestLog = [];
  }
}
