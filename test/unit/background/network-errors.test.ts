import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  explainNetworkError,
  recordNetworkError,
  registerNetworkErrors,
} from '@/lib/background/network-errors';
import { toAddTaskRequest } from '@/lib/bzctrl/add-task';
import { postAddTask, setNetworkErrorExplainer } from '@/lib/bzctrl/client';
import { freezeClock, incidentForm, NOW, setUpFakeBrowser, stubFetch, WORKSPACE_KEY } from '../helpers';

setUpFakeBrowser();
beforeEach(() => {
  freezeClock();
});
afterEach(() => {
  setNetworkErrorExplainer(async () => undefined);
});

// What the module saw stays for a minute: each test asks about an address of its own.
let served = 0;
const address = () => `https://www.bzctrl.com/bzctrl-core-api/api/v1/task/add-task?test=${++served}`;
const REFUSED = 'net::ERR_CONNECTION_REFUSED';

/** Whether the extension may observe a host, as browser.permissions.contains answers (the fake has none). */
const access = (granted: boolean) =>
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);

describe('explainNetworkError', () => {
  it('names the error the browser recorded for the request, without waiting', async () => {
    const contains = access(true);
    const url = address();
    recordNetworkError(url, REFUSED, NOW + 30);

    await expect(explainNetworkError(url, NOW)).resolves.toBe(REFUSED);
    expect(contains).not.toHaveBeenCalled();
  });

  it('names the latest of several errors for the address', async () => {
    const url = address();
    recordNetworkError(url, 'net::ERR_NAME_NOT_RESOLVED', NOW);
    recordNetworkError(url, REFUSED, NOW + 10);

    await expect(explainNetworkError(url, NOW)).resolves.toBe(REFUSED);
  });

  // Two requests' errors in one window: the safe side is that this one may have reached BzCtrl.
  it('names an error after which the request may have reached the server over one that says it never left', async () => {
    const url = address();
    recordNetworkError(url, 'net::ERR_CONNECTION_RESET', NOW);
    recordNetworkError(url, REFUSED, NOW + 10);

    await expect(explainNetworkError(url, NOW)).resolves.toBe('net::ERR_CONNECTION_RESET');
  });

  it('gives an error to one request only', async () => {
    access(false);
    const url = address();
    recordNetworkError(url, REFUSED, NOW);

    await expect(explainNetworkError(url, NOW)).resolves.toBe(REFUSED);
    await expect(explainNetworkError(url, NOW)).resolves.toBeUndefined();
  });

  it('matches the address however it is written', async () => {
    const url = address();
    recordNetworkError(url, REFUSED, NOW);

    await expect(explainNetworkError(url.replace('www.bzctrl.com', 'WWW.BZCTRL.COM:443'), NOW)).resolves.toBe(
      REFUSED,
    );
  });

  it('waits for an error the browser reports after fetch failed', async () => {
    const contains = access(true);
    const url = address();

    const explained = explainNetworkError(url, NOW);
    await vi.waitFor(() => expect(contains).toHaveBeenCalled());
    recordNetworkError(address(), 'net::ERR_CONNECTION_RESET', NOW + 5);
    recordNetworkError(url, REFUSED, NOW + 10);

    await expect(explained).resolves.toBe(REFUSED);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://www.bzctrl.com/*'] });
  });

  it('gives up after a second when none comes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
    const contains = access(true);
    const url = address();

    const explained = explainNetworkError(url, NOW);
    let answered = false;
    void explained.then(() => {
      answered = true;
    });
    expect(contains).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    recordNetworkError(url, REFUSED, NOW - 1_000); // from before this request: not its explanation
    await vi.advanceTimersByTimeAsync(499);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    await expect(explained).resolves.toBeUndefined();
  });

  it('finds, without waiting, an error that came while it asked whether it may observe the host', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
    let grant: (granted: boolean) => void = () => {};
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(
      () => new Promise<boolean>((resolve) => (grant = resolve)),
    );
    const url = address();

    const explained = explainNetworkError(url, NOW);
    recordNetworkError(url, REFUSED, NOW + 10);
    grant(true);

    await expect(explained).resolves.toBe(REFUSED);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('knows nothing, at once, about a host it may not observe', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
    const contains = access(false);

    await expect(explainNetworkError('https://bzctrl.example.com/add-task', NOW)).resolves.toBeUndefined();
    expect(contains).toHaveBeenCalledWith({ origins: ['https://bzctrl.example.com/*'] });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('knows nothing, at once, where the browser cannot say what it may observe', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('not implemented'));

    await expect(explainNetworkError(address(), NOW)).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('registerNetworkErrors', () => {
  /** The listener registered on webRequest.onErrorOccurred (the fake browser has no webRequest). */
  function register() {
    const addListener = vi
      .spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener')
      .mockImplementation(() => {});
    registerNetworkErrors();
    const [listener, filter] = addListener.mock.calls[0] ?? [];
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    return listener as unknown as (details: {
      url: string;
      error: string;
      tabId: number;
      timeStamp: number;
    }) => void;
  }

  it('explains a failed request to BzCtrl from what the browser reported for the extension’s own requests', async () => {
    access(true);
    const onError = register();
    const url = address();
    const seenFromTab = address();
    stubFetch(() => {
      onError({ url, error: REFUSED, tabId: -1, timeStamp: Date.now() });
      throw new TypeError('Failed to fetch');
    });

    await expect(
      postAddTask(url, 'access-1', toAddTaskRequest(incidentForm(), WORKSPACE_KEY)),
    ).rejects.toMatchObject({
      kind: 'not-sent',
    });

    // A page's own request is not the extension's.
    onError({ url: seenFromTab, error: REFUSED, tabId: 12, timeStamp: NOW });
    access(false);
    await expect(explainNetworkError(seenFromTab, NOW)).resolves.toBeUndefined();
  });
});
