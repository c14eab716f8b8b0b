// The guard and the wiring of the worker's message handlers: who may ask, which payloads pass, and
// which function each handler hands a valid request to. What those functions do is tested with
// them (test/unit/background/, test/unit/bzctrl/).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { submitForm } from '@/lib/background/deliveries';
import {
  handleDiscard,
  handleRetry,
  handleSignIn,
  handleSignOut,
  handleSubmit,
  registerMessageHandlers,
} from '@/lib/background/message-handlers';
import { resumeAfterSignIn, retryNow, scheduleNext } from '@/lib/background/outbox-runner';
import { outboxItem, putItem } from '@/lib/background/outbox-store';
import { SignedOutError, signIn, signOut } from '@/lib/bzctrl/auth';
import { BzCtrlError } from '@/lib/bzctrl/client';
import type { SubmitOutcome } from '@/lib/bzctrl/submission';
import { NotConfiguredError, refused, toFailure } from '@/lib/failures';
import { isExtensionPage, type MessageSender } from '@/lib/messages';
import {
  EMAIL,
  EXTENSION_PAGE,
  incidentForm,
  outboxEntry,
  PROD_TOKEN_URL,
  setUpFakeBrowser,
} from './helpers';

vi.mock('@/lib/bzctrl/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/bzctrl/auth')>()),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
vi.mock('@/lib/background/deliveries', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/background/deliveries')>()),
  submitForm: vi.fn(),
}));
vi.mock('@/lib/background/outbox-runner', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/background/outbox-runner')>()),
  resumeAfterSignIn: vi.fn(),
  retryNow: vi.fn(),
  scheduleNext: vi.fn(),
}));

setUpFakeBrowser();

const ID = 'b7c6a1de-4f1e-4c1a-9d7e-0f6a2b3c4d5e';
const ACCOUNT = { email: EMAIL, tokenUrl: PROD_TOKEN_URL };
const CREATED: SubmitOutcome = {
  ok: true,
  status: 'created',
  item: {
    taskLink: 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
    trusted: true,
    opened: true,
    title: 'Potential Customs claim',
    todoType: 'INCIDENT',
    orderID: '7770142',
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    createdAt: '2026-03-14T09:12:00.000Z',
  },
  warnings: [],
};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(signIn).mockResolvedValue(ACCOUNT);
  vi.mocked(signOut).mockResolvedValue();
  vi.mocked(submitForm).mockResolvedValue(CREATED);
  vi.mocked(resumeAfterSignIn).mockResolvedValue();
  vi.mocked(retryNow).mockResolvedValue(undefined);
  vi.mocked(scheduleNext).mockResolvedValue();
});

const submission = (overrides: Record<string, unknown> = {}) => ({
  id: ID,
  form: incidentForm(),
  ...overrides,
});

// Senders that must never be obeyed, as the browser would report them.
const STRANGERS: [string, MessageSender][] = [
  [
    'a content script on a web page',
    { id: 'test-extension-id', url: 'https://evil.example/', tab: {}, frameId: 0 },
  ],
  [
    'another extension',
    { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' },
  ],
  ['another extension naming our page', { id: 'other-extension-id', url: EXTENSION_PAGE.url }],
  ['a sender without url', { id: 'test-extension-id' }],
  ['a sender without id', { url: EXTENSION_PAGE.url }],
  ['a sender with a garbage url', { id: 'test-extension-id', url: 'not a url' }],
];

describe('isExtensionPage', () => {
  it('is true for the extension’s own popup and options page', () => {
    expect(isExtensionPage(EXTENSION_PAGE)).toBe(true);
    expect(
      isExtensionPage({ id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' }),
    ).toBe(true);
  });

  it.each(STRANGERS)('is false for %s', (_, sender) => {
    expect(isExtensionPage(sender)).toBe(false);
  });

  // A content script injected into an about:blank or data: frame reports that frame's URL.
  it.each([
    'about:blank',
    'data:text/html,<script>chrome.runtime.sendMessage({})</script>',
    'chrome-extension://other-extension-id/popup.html',
  ])('is false for our id with the non-extension-page url %s', (url) => {
    expect(isExtensionPage({ id: 'test-extension-id', url })).toBe(false);
  });
});

describe('every handler refuses senders other than the extension’s pages, doing nothing', () => {
  it.each(STRANGERS)('handleSignIn refuses %s', async (_, sender) => {
    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, sender)).resolves.toEqual(refused());
    expect(signIn).not.toHaveBeenCalled();
    expect(resumeAfterSignIn).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)('handleSignOut refuses %s', async (_, sender) => {
    await expect(handleSignOut(sender)).resolves.toEqual(refused());
    expect(signOut).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)('handleSubmit refuses %s', async (_, sender) => {
    await expect(handleSubmit(submission(), sender)).resolves.toEqual(refused());
    expect(submitForm).not.toHaveBeenCalled();
    expect(scheduleNext).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)('handleRetry refuses %s', async (_, sender) => {
    await expect(handleRetry({ id: ID }, sender)).resolves.toEqual(refused());
    expect(retryNow).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)('handleDiscard refuses %s, keeping the item', async (_, sender) => {
    const item = outboxEntry({ id: ID });
    await putItem(item);

    await expect(handleDiscard({ id: ID }, sender)).resolves.toEqual(refused());

    expect(await outboxItem.getValue()).toEqual([item]);
    expect(scheduleNext).not.toHaveBeenCalled();
  });
});

describe('handleSignIn', () => {
  it('signs in with the trimmed e-mail, answers with the account and resumes what waited for it', async () => {
    await expect(
      handleSignIn({ email: ` ${EMAIL} `, password: ' secret ' }, EXTENSION_PAGE),
    ).resolves.toEqual({
      ok: true,
      account: ACCOUNT,
    });
    expect(signIn).toHaveBeenCalledWith(EMAIL, ' secret ');
    expect(resumeAfterSignIn).toHaveBeenCalledWith(ACCOUNT);
  });

  it.each([
    [{ email: 'j.devries', password: '' }, ['email', 'password']],
    [{ email: EMAIL }, ['password']],
    [{ password: 'secret' }, ['email']],
  ])(
    'answers the payload %j with kind invalid and its field errors, signing in nobody',
    async (payload, fields) => {
      const result = await handleSignIn(payload, EXTENSION_PAGE);
      expect(result).toMatchObject({ ok: false, kind: 'invalid' });
      expect(result.ok ? {} : Object.keys(result.fieldErrors ?? {}).sort()).toEqual(fields);
      expect(signIn).not.toHaveBeenCalled();
    },
  );

  it.each([null, 'j.devries@example.com', 42])(
    'answers the payload %j with kind invalid',
    async (payload) => {
      await expect(handleSignIn(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(signIn).not.toHaveBeenCalled();
    },
  );

  it.each([400, 401])('passes on the server’s word when the sign-in is refused with %i', async (status) => {
    vi.mocked(signIn).mockRejectedValue(new BzCtrlError('http', 'Bad credentials', status));
    await expect(handleSignIn({ email: EMAIL, password: 'wrong' }, EXTENSION_PAGE)).resolves.toEqual({
      ok: false,
      kind: 'server',
      status,
      message: 'Bad credentials',
    });
    expect(resumeAfterSignIn).not.toHaveBeenCalled();
  });

  it('reports any other failure as the failure it is', async () => {
    vi.mocked(signIn).mockRejectedValue(
      new BzCtrlError('not-sent', 'BzCtrl could not be reached (bzctrl.com).'),
    );
    await expect(handleSignIn({ email: EMAIL, password: 'secret' }, EXTENSION_PAGE)).resolves.toEqual({
      ok: false,
      kind: 'not-sent',
      message: 'BzCtrl could not be reached (bzctrl.com).',
    });
  });
});

describe('handleSignOut', () => {
  it('signs out for the extension’s own page', async () => {
    await expect(handleSignOut(EXTENSION_PAGE)).resolves.toEqual({ ok: true });
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});

describe('handleSubmit', () => {
  it('hands the submission to submitForm, answers with its outcome, then schedules the outbox', async () => {
    const form = incidentForm();
    vi.mocked(scheduleNext).mockImplementation(async () => {
      expect(submitForm).toHaveBeenCalled();
    });

    await expect(handleSubmit({ id: ID, form, tabId: 7 }, EXTENSION_PAGE)).resolves.toEqual(CREATED);

    expect(submitForm).toHaveBeenCalledWith(ID, form, 7, undefined);
    expect(scheduleNext).toHaveBeenCalledTimes(1);
  });

  it('hands on a form about no tab without one', async () => {
    await handleSubmit(submission(), EXTENSION_PAGE);
    expect(submitForm).toHaveBeenCalledWith(ID, incidentForm(), undefined, undefined);
  });

  it("hands on the workspace the form showed (a preset's), and refuses one that is not a key", async () => {
    await handleSubmit({ ...submission(), domainWorkSpace: 'IMP-NLD-EXA-RTM' }, EXTENSION_PAGE);
    expect(submitForm).toHaveBeenCalledWith(ID, incidentForm(), undefined, 'IMP-NLD-EXA-RTM');
    vi.mocked(submitForm).mockClear();
    const refused = await handleSubmit({ ...submission(), domainWorkSpace: 'not a key' }, EXTENSION_PAGE);
    expect(refused).toMatchObject({ ok: false });
    expect(submitForm).not.toHaveBeenCalled();
  });

  it('hands on the form as its schema reads it', async () => {
    await handleSubmit(
      submission({ form: incidentForm({ title: '  Potential Customs claim  ' }) }),
      EXTENSION_PAGE,
    );
    expect(vi.mocked(submitForm).mock.calls[0]?.[1]).toMatchObject({ title: 'Potential Customs claim' });
  });

  // A fixed bug: the submit payload nests the form under `form`, and invalid() keyed field errors
  // by the first path segment only, so every error of the form landed under the key "form".
  it('answers an invalid form with kind invalid and per-field errors, sending nothing', async () => {
    const result = await handleSubmit(
      submission({
        form: incidentForm({ title: ' ', assignee: 'j.devries', status: 'IN PROGRESS' as 'INPROGRESS' }),
      }),
      EXTENSION_PAGE,
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(result.ok ? {} : Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'assignee',
      'status',
      'title',
    ]);
    expect(submitForm).not.toHaveBeenCalled();
  });

  it.each([
    null,
    'create',
    { todoType: 'INCIDENT' },
    incidentForm(),
    { id: ID },
    { id: ID, form: null },
    { id: 'short', form: incidentForm() },
    { id: 'has spaces in it', form: incidentForm() },
    { id: 'x'.repeat(65), form: incidentForm() },
    { id: ID, form: incidentForm(), tabId: 0 },
    { id: ID, form: incidentForm(), tabId: -3 },
    { id: ID, form: incidentForm(), tabId: 1.5 },
    { id: ID, form: incidentForm(), tabId: '7' },
    { id: ID, form: incidentForm(), tabId: null },
  ])('answers the payload %j with kind invalid, sending nothing', async (payload) => {
    await expect(handleSubmit(payload, EXTENSION_PAGE)).resolves.toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(submitForm).not.toHaveBeenCalled();
    expect(scheduleNext).not.toHaveBeenCalled();
  });
});

describe('handleRetry', () => {
  it('hands the id to retryNow and answers with what became of the item', async () => {
    const waiting = outboxEntry({ id: ID, attempts: 2 });
    vi.mocked(retryNow).mockResolvedValue(waiting);

    await expect(handleRetry({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true, item: waiting });
    expect(retryNow).toHaveBeenCalledWith(ID);
  });

  it('answers with no item when retryNow finds none (sent, or gone)', async () => {
    await expect(handleRetry({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true, item: undefined });
  });

  it.each([null, {}, { id: 42 }, { id: 'x'.repeat(65) }])(
    'answers the payload %j with kind invalid, retrying nothing',
    async (payload) => {
      await expect(handleRetry(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(retryNow).not.toHaveBeenCalled();
    },
  );
});

describe('handleDiscard', () => {
  it('removes that item only, then schedules the outbox (alarm and badge)', async () => {
    const other = outboxEntry({ id: 'other-submission', state: 'unknown', nextAttemptAt: undefined });
    await putItem(outboxEntry({ id: ID }));
    await putItem(other);
    vi.mocked(scheduleNext).mockImplementation(async () => {
      expect(await outboxItem.getValue()).toEqual([other]);
    });

    await expect(handleDiscard({ id: ID }, EXTENSION_PAGE)).resolves.toEqual({ ok: true });

    expect(await outboxItem.getValue()).toEqual([other]);
    expect(scheduleNext).toHaveBeenCalledTimes(1);
  });

  it.each([null, {}, { id: 42 }, { id: 'x'.repeat(65) }])(
    'answers the payload %j with kind invalid, removing nothing',
    async (payload) => {
      const item = outboxEntry({ id: ID });
      await putItem(item);
      await expect(handleDiscard(payload, EXTENSION_PAGE)).resolves.toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(await outboxItem.getValue()).toEqual([item]);
    },
  );
});

describe('registerMessageHandlers', () => {
  it('answers each message through its handler, with the sender the browser reports', async () => {
    // The messaging library listens on the global chrome, which setUpFakeBrowser unstubs after each test.
    vi.stubGlobal('chrome', fakeBrowser);
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    registerMessageHandlers();
    const listener = addListener.mock.calls[0]?.[0] as (
      message: unknown,
      sender: MessageSender,
      sendResponse: (response: unknown) => void,
    ) => boolean;
    /** What the worker answers a message of `type` from `sender`. */
    const answer = (type: string, data: unknown, sender = EXTENSION_PAGE) =>
      new Promise<unknown>((resolve) => {
        listener({ id: 1, type, data, timestamp: Date.now() }, sender, resolve);
      });
    const retried = outboxEntry({ id: ID });
    vi.mocked(retryNow).mockResolvedValue(retried);

    await expect(answer('signIn', { email: EMAIL, password: 'secret' })).resolves.toEqual({
      res: { ok: true, account: ACCOUNT },
    });
    await expect(answer('submit', { id: ID, form: incidentForm(), tabId: 7 })).resolves.toEqual({
      res: CREATED,
    });
    await expect(answer('retryOutboxItem', { id: ID })).resolves.toEqual({
      res: { ok: true, item: retried },
    });
    await expect(answer('discardOutboxItem', { id: ID })).resolves.toEqual({ res: { ok: true } });
    await expect(answer('signOut', undefined)).resolves.toEqual({ res: { ok: true } });
    expect(signIn).toHaveBeenCalledWith(EMAIL, 'secret');
    expect(submitForm).toHaveBeenCalledWith(ID, incidentForm(), 7, undefined);
    expect(retryNow).toHaveBeenCalledWith(ID);
    expect(signOut).toHaveBeenCalledTimes(1);

    // The sender is the browser's, never one the message names.
    await expect(answer('signOut', undefined, STRANGERS[0]?.[1])).resolves.toEqual({ res: refused() });
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});

describe('toFailure: what a page is answered when something fails', () => {
  it('passes on the SignedOutError message', () => {
    expect(toFailure(new SignedOutError('Sign in again.'))).toEqual({
      ok: false,
      kind: 'signed-out',
      message: 'Sign in again.',
    });
  });

  it('answers kind not-configured for NotConfiguredError', () => {
    expect(toFailure(new NotConfiguredError())).toMatchObject({ ok: false, kind: 'not-configured' });
  });

  it.each(['not-sent', 'network', 'timeout', 'redirect', 'invalid-response'] as const)(
    'passes a %s error on as its own kind',
    (kind) => {
      expect(toFailure(new BzCtrlError(kind, 'What happened.'))).toEqual({
        ok: false,
        kind,
        message: 'What happened.',
        status: undefined,
      });
    },
  );

  it('turns an unknown error into a server failure that shows it', () => {
    expect(toFailure(new Error('boom'))).toMatchObject({
      ok: false,
      kind: 'server',
      message: expect.stringContaining('boom'),
    });
  });
});
