// Pick on page, the worker's part: who may start a pick and who may answer one (only the picker it
// injected, in that tab and session), what it injects, and what it does with a confirmed pick.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handlePickEnded,
  handlePickMade,
  handleStartPick,
  pickSessionItem,
} from '@/lib/background/page-picks';
import { refused } from '@/lib/failures';
import { type MessageSender, sendMessage } from '@/lib/messages';
import { pickForRulesItem } from '@/lib/pick-for-rules';
import { siteRulesItem } from '@/lib/settings';
import { EXTENSION_PAGE, setUpFakeBrowser } from '../helpers';

// What the worker tells the pickers (tabs.sendMessage through @webext-core/messaging) is recorded.
vi.mock('@/lib/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messages')>()),
  sendMessage: vi.fn(async () => undefined),
}));

setUpFakeBrowser();

const TAB_ID = 41;
const PAGE = 'https://tos.northquay.example/ops/discharge?call=0426N';
/** The page picker in frame `frameId` of `tabId`: a script of this extension, reporting the frame's address. */
const picker = (tabId = TAB_ID, url = PAGE): MessageSender => ({
  id: 'test-extension-id',
  url,
  tab: { id: tabId },
  frameId: 0,
});

let injections: { func?: unknown; args?: unknown[]; files?: string[]; target: unknown }[];

/** The sessions whose pickers the worker told to stop, with the tab it told. */
const stops = () => vi.mocked(sendMessage).mock.calls.map(([type, data, tab]) => [type, data, tab]);

beforeEach(() => {
  injections = [];
  vi.mocked(sendMessage).mockClear();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: never) => {
    injections.push(injection);
    return [];
  }) as never);
  Object.assign(fakeBrowser.commands, {
    getAll: async () => [{ name: '_execute_action', shortcut: 'Alt+Shift+K' }],
  });
});

async function startedSession(purpose: 'form' | 'rules' = 'form', field: 'lrn' | 'serviceOrder' = 'lrn') {
  expect(await handleStartPick({ tabId: TAB_ID, field, purpose }, EXTENSION_PAGE)).toEqual({ ok: true });
  const session = await pickSessionItem.getValue();
  if (!session) throw new Error('no session');
  return session;
}

describe('startPick', () => {
  it('injects the picker into every frame of the tab, told its field and a fresh session id', async () => {
    const session = await startedSession();
    expect(session).toMatchObject({ tabId: TAB_ID, field: 'lrn', purpose: 'form' });
    expect(session.id).toMatch(/^[\w-]{16,64}$/);
    expect(injections).toEqual([
      expect.objectContaining({
        target: { tabId: TAB_ID, allFrames: true },
        args: [{ session: session.id, field: 'lrn' }],
      }),
      { target: { tabId: TAB_ID, allFrames: true }, files: ['/page-picker.js'] },
    ]);
  });

  it('is refused from anything but the extension’s own pages', async () => {
    expect(await handleStartPick({ tabId: TAB_ID, field: 'lrn', purpose: 'form' }, picker())).toEqual(
      refused(),
    );
    expect(injections).toEqual([]);
  });

  it('refuses a payload that is not a pick', async () => {
    const answer = await handleStartPick({ tabId: -1, field: 'mrn', purpose: 'form' }, EXTENSION_PAGE);
    expect(answer).toMatchObject({ ok: false, kind: 'invalid' });
    expect(injections).toEqual([]);
  });

  it('says so, and keeps no session, when the tab may not be scripted', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents'));
    const answer = await handleStartPick({ tabId: TAB_ID, field: 'lrn', purpose: 'form' }, EXTENSION_PAGE);
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining('may not use this page') });
    expect(await pickSessionItem.getValue()).toBeNull();
  });

  it('stops the picker of a session started before', async () => {
    const first = await startedSession();
    await startedSession();
    expect(stops()).toContainEqual(['stopPicking', { session: first.id }, TAB_ID]);
  });
});

describe('pickMade', () => {
  it('saves the pick as a page rule for the site and stops every frame’s picker', async () => {
    const session = await startedSession();
    const answer = await handlePickMade(
      { session: session.id, field: 'lrn', value: '26NLNQT0001103', anchor: { label: 'Customs ref.' } },
      picker(),
    );
    expect(answer).toEqual({
      ok: true,
      message: 'Saved as a page rule for https://tos.northquay.example/*. Press Alt+Shift+K for the form.',
    });
    expect(await siteRulesItem.getValue()).toEqual([
      { urlPattern: 'https://tos.northquay.example/*', lrn: { label: 'Customs ref.' } },
    ]);
    expect(await pickSessionItem.getValue()).toBeNull();
    expect(stops()).toContainEqual(['stopPicking', { session: session.id }, TAB_ID]);
  });

  it('hands a pick for the options page over to it, saving no rule itself', async () => {
    const session = await startedSession('rules', 'serviceOrder');
    await handlePickMade(
      { session: session.id, field: 'serviceOrder', value: '8820417', anchor: { selector: 'td b' } },
      picker(TAB_ID, 'https://havenplatform.example.nl/aangiften/opdracht'),
    );
    expect(await pickForRulesItem.getValue()).toMatchObject({
      field: 'serviceOrder',
      value: '8820417',
      anchor: { selector: 'td b' },
      urlPattern: 'https://havenplatform.example.nl/*',
    });
    expect(await siteRulesItem.getValue()).toEqual([]);
  });

  it.each<[string, MessageSender]>([
    ['an extension page', EXTENSION_PAGE],
    ['a script in another tab', picker(TAB_ID + 1)],
    ['another extension', { ...picker(), id: 'other-extension-id' }],
  ])('is refused from %s, saving nothing', async (_, sender) => {
    const session = await startedSession();
    const pick = {
      session: session.id,
      field: 'lrn',
      value: '26NLNQT0001103',
      anchor: { label: 'Customs ref.' },
    };
    expect(await handlePickMade(pick, sender)).toEqual(refused());
    expect(await siteRulesItem.getValue()).toEqual([]);
    expect(await pickSessionItem.getValue()).not.toBeNull();
  });

  it('is refused with another session’s id, for another field, or when no pick was started', async () => {
    const anchor = { label: 'Customs ref.' };
    expect(
      await handlePickMade({ session: 'a'.repeat(36), field: 'lrn', value: '26NL', anchor }, picker()),
    ).toEqual(refused());
    const session = await startedSession();
    expect(
      await handlePickMade({ session: 'b'.repeat(36), field: 'lrn', value: '26NL', anchor }, picker()),
    ).toEqual(refused());
    expect(
      await handlePickMade(
        { session: session.id, field: 'serviceOrder', value: '7770142', anchor },
        picker(),
      ),
    ).toEqual(refused());
    expect(await siteRulesItem.getValue()).toEqual([]);
  });

  it('refuses a label longer than a label is, and a page that is no web page', async () => {
    const session = await startedSession();
    const long = await handlePickMade(
      { session: session.id, field: 'lrn', value: '26NL', anchor: { label: 'x'.repeat(65) } },
      picker(),
    );
    expect(long).toMatchObject({ ok: false, kind: 'invalid' });
    const file = await handlePickMade(
      { session: session.id, field: 'lrn', value: '26NL', anchor: { label: 'LRN' } },
      picker(TAB_ID, 'file:///home/operator/list.html'),
    );
    expect(file).toMatchObject({ ok: false, message: expect.stringContaining('http and https') });
    expect(await siteRulesItem.getValue()).toEqual([]);
  });

  it('is refused once the session is older than ten minutes', async () => {
    const session = await startedSession();
    await pickSessionItem.setValue({ ...session, startedAt: Date.now() - 11 * 60_000 });
    const pick = { session: session.id, field: 'lrn', value: '26NL0000001', anchor: { label: 'LRN' } };
    expect(await handlePickMade(pick, picker())).toEqual(refused());
  });
});

describe('pickEnded', () => {
  it('ends the session and stops the other frames’ pickers, only for the picker of that session', async () => {
    const session = await startedSession();
    expect(await handlePickEnded({ session: session.id }, picker(TAB_ID + 1))).toEqual(refused());
    expect(await pickSessionItem.getValue()).not.toBeNull();
    expect(await handlePickEnded({ session: session.id }, picker())).toEqual({ ok: true });
    expect(await pickSessionItem.getValue()).toBeNull();
    expect(stops()).toContainEqual(['stopPicking', { session: session.id }, TAB_ID]);
  });
});
