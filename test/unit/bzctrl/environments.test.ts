import { describe, expect, it } from 'vitest';
import {
  type EnvironmentChoice,
  endpointsFor,
  isAllowedServerUrl,
  isTrustedTaskLink,
} from '@/lib/bzctrl/environments';
import { PROD_ADD_TASK_URL, PROD_TOKEN_URL } from '../helpers';

const choice = (overrides: Partial<EnvironmentChoice>): EnvironmentChoice => ({
  environment: 'production',
  sandboxUrl: 'http://127.0.0.1:8787',
  customTokenUrl: 'https://bz.example.com/oauth/token',
  customAddTaskUrl: 'https://api.example.com:8443/api/v1/task/add-task',
  ...overrides,
});
const PRODUCTION = choice({});
const SANDBOX = choice({ environment: 'sandbox' });
const CUSTOM = choice({ environment: 'custom' });

describe('endpointsFor', () => {
  it('gives PROD its token URL on bzctrl.com and its add-task URL on www.bzctrl.com', () => {
    expect(endpointsFor(PRODUCTION)).toEqual({ tokenUrl: PROD_TOKEN_URL, addTaskUrl: PROD_ADD_TASK_URL });
  });

  it('gives ACC both URLs on acc.bzctrl.com', () => {
    expect(endpointsFor(choice({ environment: 'acceptance' }))).toEqual({
      tokenUrl: 'https://acc.bzctrl.com/bzctrl-core-api/oauth/token',
      addTaskUrl: 'https://acc.bzctrl.com/bzctrl-core-api/api/v1/task/add-task',
    });
  });

  it.each(['http://127.0.0.1:9000', 'http://127.0.0.1:9000/', 'http://127.0.0.1:9000//'])(
    'builds the sandbox URLs from %s',
    (sandboxUrl) => {
      expect(endpointsFor(choice({ environment: 'sandbox', sandboxUrl }))).toEqual({
        tokenUrl: 'http://127.0.0.1:9000/bzctrl-core-api/oauth/token',
        addTaskUrl: 'http://127.0.0.1:9000/bzctrl-core-api/api/v1/task/add-task',
      });
    },
  );

  it('uses the custom URLs exactly as given, neither derived from the other', () => {
    expect(endpointsFor(CUSTOM)).toEqual({
      tokenUrl: 'https://bz.example.com/oauth/token',
      addTaskUrl: 'https://api.example.com:8443/api/v1/task/add-task',
    });
  });

  it('ignores the sandbox and custom URLs for PROD and ACC', () => {
    const odd = {
      sandboxUrl: 'http://127.0.0.1:1',
      customTokenUrl: 'https://x.test/t',
      customAddTaskUrl: '',
    };
    expect(endpointsFor(choice({ ...odd, environment: 'production' })).tokenUrl).toBe(PROD_TOKEN_URL);
    expect(endpointsFor(choice({ ...odd, environment: 'acceptance' })).tokenUrl).toContain('acc.bzctrl.com');
  });
});

describe('isAllowedServerUrl', () => {
  it.each([
    'https://bzctrl.com/bzctrl-core-api/oauth/token',
    'https://bz.example.com:8443/token',
    'http://127.0.0.1:8787/bzctrl-core-api/oauth/token',
    'http://localhost:8787/',
    'http://[::1]:8787/',
  ])('allows %s', (url) => {
    expect(isAllowedServerUrl(url)).toBe(true);
  });

  it.each([
    'http://bzctrl.com/bzctrl-core-api/oauth/token',
    'http://192.168.1.10:8787/',
    'http://127.0.0.1.evil.com/',
    'http://localhost.evil.com/',
    'https://user:pass@bzctrl.com/token',
    'https://user@bzctrl.com/token',
    'http://user:pass@127.0.0.1:8787/',
    'ftp://bzctrl.com/',
    'javascript:alert(1)',
    'bzctrl.com/token',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedServerUrl(url)).toBe(false);
  });
});

describe('isTrustedTaskLink', () => {
  it.each([
    'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
    'https://bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
    'https://acc.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
  ])('trusts the https BzCtrl link %s in every environment', (link) => {
    for (const environment of ['production', 'acceptance', 'sandbox', 'custom'] as const) {
      expect(isTrustedTaskLink(link, endpointsFor(choice({ environment })))).toBe(true);
    }
  });

  it.each([
    'http://bzctrl.com/app/#/todo/X-01',
    'http://www.bzctrl.com/app/#/todo/X-01',
    'https://bzctrl.com.evil.com/app/#/todo/X-01',
    'https://evilbzctrl.com/app/#/todo/X-01',
    'https://user:pass@www.bzctrl.com/app/#/todo/X-01',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/',
    'not a url',
  ])('does not trust %j', (link) => {
    for (const environment of ['production', 'acceptance', 'sandbox', 'custom'] as const) {
      expect(isTrustedTaskLink(link, endpointsFor(choice({ environment })))).toBe(false);
    }
  });

  it('trusts the sandbox origin only while the sandbox environment is selected', () => {
    const link = 'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-03';
    expect(isTrustedTaskLink(link, endpointsFor(SANDBOX))).toBe(true);
    expect(isTrustedTaskLink(link, endpointsFor(PRODUCTION))).toBe(false);
    expect(isTrustedTaskLink(link, endpointsFor(choice({ environment: 'acceptance' })))).toBe(false);
    expect(isTrustedTaskLink(link, endpointsFor(CUSTOM))).toBe(false);
  });

  it.each([
    'http://127.0.0.1:8788/app/#/todo/X-01',
    'http://127.0.0.1/app/#/todo/X-01',
    'http://localhost:8787/app/#/todo/X-01',
    'https://127.0.0.1:8787/app/#/todo/X-01',
    'http://user:pass@127.0.0.1:8787/app/#/todo/X-01',
  ])('trusts only the exact sandbox origin, port included, not %s', (link) => {
    expect(isTrustedTaskLink(link, endpointsFor(SANDBOX))).toBe(false);
  });

  it('trusts the origins of both custom URLs, only while custom is selected', () => {
    for (const link of [
      'https://bz.example.com/app/#/todo/X-01',
      'https://api.example.com:8443/app/#/todo/X-01',
    ]) {
      expect(isTrustedTaskLink(link, endpointsFor(CUSTOM))).toBe(true);
      expect(isTrustedTaskLink(link, endpointsFor(PRODUCTION))).toBe(false);
      expect(isTrustedTaskLink(link, endpointsFor(SANDBOX))).toBe(false);
    }
  });

  it.each([
    'http://bz.example.com/app/#/todo/X-01',
    'https://api.example.com/app/#/todo/X-01',
    'https://other.example.com/app/#/todo/X-01',
  ])('trusts only the exact custom origins, not %s', (link) => {
    expect(isTrustedTaskLink(link, endpointsFor(CUSTOM))).toBe(false);
  });

  it('trusts no origin of a custom URL that is not an allowed server URL', () => {
    const custom = choice({ environment: 'custom', customTokenUrl: 'http://bz.example.com/oauth/token' });
    expect(isTrustedTaskLink('http://bz.example.com/app/#/todo/X-01', endpointsFor(custom))).toBe(false);
  });
});
