import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSessionWatch } from '@/lib/background/session-watch';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { accountItem } from '@/lib/settings';
import { configure, setUpFakeBrowser, storeSession } from '../helpers';

setUpFakeBrowser();

beforeEach(async () => {
  await storeSession(await configure());
  registerSessionWatch();
});

const signedOut = async () => {
  expect(await tokensItem.getValue()).toBeNull();
  expect(await accountItem.getValue()).toBeNull();
};

describe('registerSessionWatch', () => {
  it('ends the session when the user chooses another server', async () => {
    await configure({ environment: 'acceptance' });
    await vi.waitFor(signedOut);
  });

  it('ends the session when the organisation’s policy names another server', async () => {
    await fakeBrowser.storage.managed.set({ environment: 'acceptance' });
    await vi.waitFor(signedOut);
  });
});
