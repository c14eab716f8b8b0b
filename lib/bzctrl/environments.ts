/**
 * Where BzCtrl lives. PROD's two URLs are on different hosts (bzctrl.com and www.bzctrl.com),
 * so each environment keeps both URLs; one is never derived from the other.
 */
import { z } from 'zod/mini';

export const ENVIRONMENT_IDS = ['production', 'acceptance', 'sandbox', 'custom'] as const;
export const environmentIdSchema = z.enum(ENVIRONMENT_IDS);
export type EnvironmentId = z.infer<typeof environmentIdSchema>;

export interface Endpoints {
  tokenUrl: string;
  addTaskUrl: string;
}

const FIXED_ENDPOINTS = {
  production: {
    tokenUrl: 'https://bzctrl.com/bzctrl-core-api/oauth/token',
    addTaskUrl: 'https://www.bzctrl.com/bzctrl-core-api/api/v1/task/add-task',
  },
  acceptance: {
    tokenUrl: 'https://acc.bzctrl.com/bzctrl-core-api/oauth/token',
    addTaskUrl: 'https://acc.bzctrl.com/bzctrl-core-api/api/v1/task/add-task',
  },
} as const satisfies Record<string, Endpoints>;

/** The sandbox's API, as `npm start` runs it (its demo screens are on 127.0.0.1: see wxt.config.ts). */
export const DEFAULT_SANDBOX_URL = 'http://localhost:8787';

export function sandboxEndpoints(sandboxUrl: string): Endpoints {
  const base = sandboxUrl.replace(/\/+$/, '');
  return {
    tokenUrl: `${base}/bzctrl-core-api/oauth/token`,
    addTaskUrl: `${base}/bzctrl-core-api/api/v1/task/add-task`,
  };
}

export interface EnvironmentChoice {
  environment: EnvironmentId;
  sandboxUrl: string;
  customTokenUrl: string;
  customAddTaskUrl: string;
}

export function endpointsFor(choice: EnvironmentChoice): Endpoints {
  switch (choice.environment) {
    case 'production':
    case 'acceptance':
      return FIXED_ENDPOINTS[choice.environment];
    case 'sandbox':
      return sandboxEndpoints(choice.sandboxUrl);
    case 'custom':
      return { tokenUrl: choice.customTokenUrl, addTaskUrl: choice.customAddTaskUrl };
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only on this machine (a sandbox or a local test server). */
export function isAllowedServerUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export function isBzCtrlHost(hostname: string): boolean {
  return hostname === 'bzctrl.com' || hostname.endsWith('.bzctrl.com');
}

/**
 * A taskLink may be opened only when it is https on a BzCtrl host, or on the origin of the server
 * that answered (the sandbox or a custom server; `server` is where the item was sent). Anything
 * else (javascript:, data:, another host) is shown as text with a warning, never opened.
 */
export function isTrustedTaskLink(link: string, server: Endpoints): boolean {
  if (!URL.canParse(link)) return false;
  const url = new URL(link);
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && isBzCtrlHost(url.hostname)) return true;
  const trustedOrigins = [server.tokenUrl, server.addTaskUrl]
    .filter((address) => isAllowedServerUrl(address))
    .map((address) => new URL(address).origin);
  return (url.protocol === 'https:' || url.protocol === 'http:') && trustedOrigins.includes(url.origin);
}
