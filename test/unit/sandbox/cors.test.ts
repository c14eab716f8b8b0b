// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ADD_TASK_PATH, setUpSandbox, TOKEN_PATH, VALID_TASK } from './sandbox-client.js';

const sandbox = setUpSandbox();
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function preflight(path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox().url}${path}`, {
    method: 'OPTIONS',
    headers: {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
      ...headers,
    },
  });
}

describe('sandbox CORS for extension pages and workers', () => {
  it.each([[TOKEN_PATH], [ADD_TASK_PATH]])('answers the preflight for %s', async (path) => {
    const response = await preflight(path, {
      origin: EXTENSION_ORIGIN,
      'access-control-request-private-network': 'true',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('echoes a Firefox extension origin', async () => {
    const response = await preflight(TOKEN_PATH, {
      origin: 'moz-extension://5f0e2c7a-1d4b-4f1e-9a55-0c1f2e3d4b5a',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'moz-extension://5f0e2c7a-1d4b-4f1e-9a55-0c1f2e3d4b5a',
    );
  });

  it('answers * without an Origin, and leaves out private-network permission nobody asked for', async () => {
    const response = await preflight(TOKEN_PATH, {});
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('adds the allowed origin and exposed headers to actual responses, errors included', async () => {
    const response = await sandbox().addTask(VALID_TASK, undefined, { origin: EXTENSION_ORIGIN });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After, WWW-Authenticate');
  });

  it('lets any origin use the control path', async () => {
    const response = await fetch(`${sandbox().url}/__sandbox/requests`, {
      headers: { origin: EXTENSION_ORIGIN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const controlPreflight = await fetch(`${sandbox().url}/__sandbox/faults`, { method: 'OPTIONS' });
    expect(controlPreflight.status).toBe(204);
    expect(controlPreflight.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});
