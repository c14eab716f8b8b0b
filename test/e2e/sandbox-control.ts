/**
 * The sandbox as the browser tests see it (Chromium's and Firefox's alike): its test-only control
 * path, /__sandbox/, and the settings that point the extension at it. No browser driver in here.
 */
import type { RunningSandbox } from '../../sandbox/server';

export interface SandboxRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
  form: Record<string, string> | null;
  status: number | null;
  fault: boolean;
}

export interface SandboxTask {
  id: string;
  todoType: string;
  title: string;
  orderID: string;
  lrn?: string;
  dueDate: string | null;
  [key: string]: unknown;
}

export interface Fault {
  target: 'token' | 'add-task' | 'any';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  drop?: boolean;
  /** BzCtrl handles the request (creates the item) before the fault applies. */
  handled?: boolean;
  /** The answer breaks off halfway through its body. */
  truncate?: boolean;
  times?: number;
}

/** The sandbox's test-only control path, /__sandbox/. */
export class Sandbox {
  constructor(readonly running: RunningSandbox) {}

  /** Where the demo screens are (127.0.0.1). */
  get url(): string {
    return this.running.url;
  }

  /** Where the extension reaches its API (localhost), and where its item links point. */
  get apiUrl(): string {
    return this.running.apiUrl;
  }

  private async control(method: string, route: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${route}: HTTP ${response.status}`);
    return response;
  }

  /** Requests that reached BzCtrl's paths, oldest first, without CORS preflights. */
  async requests(pathEnd?: 'token' | 'add-task'): Promise<SandboxRequest[]> {
    const all = (await (await this.control('GET', 'requests')).json()) as SandboxRequest[];
    return all.filter((entry) => entry.method !== 'OPTIONS' && (!pathEnd || entry.path.endsWith(pathEnd)));
  }

  async tasks(): Promise<SandboxTask[]> {
    return (await (await this.control('GET', 'tasks')).json()) as SandboxTask[];
  }

  async fault(fault: Fault): Promise<void> {
    await this.control('POST', 'faults', fault);
  }

  /** The next add-task is refused with Spring's 400 that names `field`, as BzCtrl refuses a value. */
  async refuseField(field: string, message: string): Promise<void> {
    await this.fault({
      target: 'add-task',
      status: 400,
      body: {
        status: 400,
        error: 'Bad Request',
        message: `Validation failed for field '${field}': ${message}`,
        errors: [{ field, defaultMessage: message }],
      },
    });
  }

  async expireTokens(which: { access?: boolean; refresh?: boolean } = {}): Promise<void> {
    await this.control('POST', 'expire-tokens', which);
  }

  async configure(config: {
    accessTokenLifetimeSeconds?: number;
    refreshTokenLifetimeSeconds?: number;
    keepAlive?: boolean;
  }) {
    await this.control('POST', 'config', config);
  }

  async tokens(): Promise<{ access: { expiresAt: string; expired: boolean }[] }> {
    return (await (await this.control('GET', 'tokens')).json()) as {
      access: { expiresAt: string; expired: boolean }[];
    };
  }
}

/** The settings the options page would save to use the sandbox at `url`, with `extra` on top. */
export function sandboxSettings(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    environment: 'sandbox',
    sandboxUrl: url,
    customTokenUrl: '',
    customAddTaskUrl: '',
    clientId: '',
    clientSecret: '',
    domain: 'IMP-NLD-EXA-SWA',
    workspace: 'SWA',
    defaultType: 'INCIDENT',
    ...extra,
  };
}
