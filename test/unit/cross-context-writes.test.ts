// The popup, the worker and the options page each run their own copy of lib/: two of them may read
// the same stored list, each change its copy, and write it back, one over the other. Each change
// of a list that more than one context writes is exclusive across contexts (Web Locks, shared by
// every page and worker of the extension), but the drafts, which need none (see lib/drafts.ts). Here each context is a fresh copy of the modules, over
// one storage and one lock manager, as in the browser.
import { expect, it, vi } from 'vitest';
import { EMAIL, incidentForm, setUpFakeBrowser } from './helpers';

setUpFakeBrowser();

/** A lock manager as the browser's: one holder per name at a time, in the order asked. */
function shareOneLockManager(): void {
  const held = new Map<string, Promise<unknown>>();
  const request = (name: string, granted: () => Promise<unknown>) => {
    const run = (held.get(name) ?? Promise.resolve()).then(granted);
    held.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  vi.stubGlobal('navigator', { locks: { request } });
}

/** One more context of the extension: its own copy of every module. */
async function context() {
  vi.resetModules();
  return {
    drafts: await import('@/lib/drafts'),
    launch: await import('@/lib/launch'),
    history: await import('@/lib/history'),
    stored: await import('@/lib/stored'),
  };
}

it('a draft saved by the popup while the worker notes another one sent: both hold', async () => {
  // No lock here: the drafts and the list of sent drafts each have one writer.
  vi.stubGlobal('navigator', {});
  const popup = await context();
  const worker = await context();
  const draft = (id: string) => ({
    id,
    tabId: 1,
    values: incidentForm({ title: id }),
    typed: [],
    updatedAt: 1,
  });
  await popup.drafts.saveDraft(draft('sent-0001'));

  await Promise.all([popup.drafts.saveDraft(draft('typing-0002')), worker.drafts.markDraftSent('sent-0001')]);

  expect((await popup.drafts.unsentDrafts()).map((kept) => kept.id)).toEqual(['typing-0002']);
});

it('a launch note left for one tab while a popup takes another tab’s: the new note stays', async () => {
  shareOneLockManager();
  const popup = await context();
  const worker = await context();
  await worker.launch.leaveLaunch(1, { selection: '7770142', at: Date.now() });

  await Promise.all([
    popup.launch.takeLaunch(1),
    worker.launch.leaveLaunch(2, { selection: '7770143', at: Date.now() }),
  ]);

  await vi.waitFor(async () =>
    expect(Object.keys(await popup.launch.launchesItem.getValue())).toEqual(['2']),
  );
});

it('values set aside by two contexts at once are both kept', async () => {
  shareOneLockManager();
  const popup = await context();
  const worker = await context();

  await Promise.all([
    popup.stored.setAside('local:history', 'not a list', 'history: not a list'),
    worker.stored.setAside('local:outbox', 'cut sho', 'outbox: not a list'),
  ]);

  const kept = await popup.stored.setAsideItems().local.getValue();
  expect(kept.map((value) => value.key).sort()).toEqual(['local:history', 'local:outbox']);
});

it('items just created, remembered by the worker while a popup takes its own: the other stays', async () => {
  shareOneLockManager();
  const popup = await context();
  const worker = await context();
  const entry = (orderID: string) => ({
    taskLink: `https://www.bzctrl.com/app/#/todo/${orderID}`,
    trusted: true,
    title: `Created for ${orderID} by ${EMAIL}`,
    todoType: 'INCIDENT' as const,
    orderID,
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    createdAt: new Date(Date.now() - 1000).toISOString(),
  });
  await worker.history.rememberJustCreated(1, entry('7770142'));

  const [taken] = await Promise.all([
    popup.history.takeJustCreated(1, Date.now()),
    worker.history.rememberJustCreated(2, entry('7770143')),
  ]);

  expect(taken?.orderID).toBe('7770142');
  const left = await popup.history.justCreatedItem.getValue();
  expect(left.map((item) => item.tabId)).toEqual([2]);
});

it('without a lock manager (Node), one context still makes its own changes one at a time', async () => {
  vi.stubGlobal('navigator', {});
  const { history } = await context();
  const entry = (orderID: string) => ({
    taskLink: `https://www.bzctrl.com/app/#/todo/${orderID}`,
    trusted: true,
    title: `Created for ${orderID}`,
    todoType: 'INCIDENT' as const,
    orderID,
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    createdAt: new Date().toISOString(),
  });

  await Promise.all(['1', '2', '3'].map((orderID) => history.addToHistory(entry(orderID))));

  expect((await history.historyItem.getValue()).map((kept) => kept.orderID)).toEqual(['3', '2', '1']);
});
