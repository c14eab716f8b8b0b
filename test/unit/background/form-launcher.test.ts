import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMenu,
  MENU_ITEM_ID,
  menuPatternsOf,
  menuTitle,
  onCommand,
  onMenuClicked,
  openFormFromSelection,
  presetsForMenu,
  registerFormLaunchers,
} from '@/lib/background/form-launcher';
import { launchesItem, takeLaunch } from '@/lib/launch';
import { emptyPreset, presetsItem } from '@/lib/presets/preset';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no menus; a test that looks at them records them itself.
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: async () => undefined,
    create: () => undefined,
    update: async () => undefined,
  });
});

async function openTab(url = 'https://tos.example.com/orders') {
  return fakeBrowser.tabs.create({ url });
}

describe('the right-click menu item', () => {
  it('names the default type, with the selection in the title', () => {
    expect(menuTitle('INCIDENT')).toBe('Create BzCtrl incident for “%s”');
    expect(menuTitle('TASK')).toBe('Create BzCtrl task for “%s”');
  });

  it('opens the form in a window about the tab when the popup cannot be opened, leaving it the selection', async () => {
    const tab = await openTab();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    await onMenuClicked({ menuItemId: MENU_ITEM_ID, selectionText: '  SO 777 ' }, tab);

    expect(created).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `chrome-extension://test-extension-id/popup.html?tabId=${tab.id}`,
        type: 'popup',
      }),
    );
    const launch = await takeLaunch(tab.id as number);
    // The form reads it by the one selection rule (lib/page/selection.ts), as the page reader does.
    expect(launch).toEqual({ selection: 'SO 777', at: expect.any(Number) });
    // Taken once: a second form does not see it again.
    expect(await takeLaunch(tab.id as number)).toBeUndefined();
  });

  it('keeps the title of the default type the policy sets when the user saves settings', async () => {
    // The fake browser has no menus: the ones the worker registers are recorded here.
    const titles: string[] = [];
    Object.assign(fakeBrowser.contextMenus, {
      update: async (_id: string, { title }: { title: string }) => void titles.push(title),
    });
    Object.assign(fakeBrowser.commands, { onCommand: { addListener: () => undefined } });
    Object.assign(fakeBrowser.contextMenus, { onClicked: { addListener: () => undefined } });
    registerFormLaunchers();
    await fakeBrowser.storage.managed.set({ defaultType: 'TASK' });

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, defaultType: 'INCIDENT' });

    await expect.poll(() => titles).toEqual(['Create BzCtrl task for “%s”']);
  });

  it('ignores other menu items', async () => {
    const tab = await openTab();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    await onMenuClicked({ menuItemId: 'something-else', selectionText: '777' }, tab);
    expect(created).not.toHaveBeenCalled();
    expect(await launchesItem.getValue()).toEqual({});
  });
});

describe('the selection shortcut', () => {
  it('ignores other commands', async () => {
    const tab = await openTab();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    await onCommand('_execute_action', tab);
    expect(created).not.toHaveBeenCalled();
  });
});

describe('a selection', () => {
  it('leaves the selection cleaned, and reads nothing into it itself', async () => {
    const tab = await openTab();
    await openFormFromSelection(tab, '\u0007 Tank farm  east ');
    expect(await takeLaunch(tab.id as number)).toEqual({
      selection: 'Tank farm east',
      at: expect.any(Number),
    });
  });

  it('leaves no note when nothing is selected, and still opens the form', async () => {
    const tab = await openTab();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    await openFormFromSelection(tab, '   ');
    expect(await launchesItem.getValue()).toEqual({});
    expect(created).toHaveBeenCalledOnce();
  });

  it('drops notes older than a minute', async () => {
    const tab = await openTab();
    vi.useFakeTimers({ now: Date.parse('2026-11-28T09:00:00Z') });
    await openFormFromSelection(tab, '777');
    vi.setSystemTime(Date.parse('2026-11-28T09:01:01Z'));
    expect(await takeLaunch(tab.id as number)).toBeUndefined();
    vi.useRealTimers();
  });
});

describe('the presets in the menu', () => {
  const customs = {
    ...emptyPreset('p-customs'),
    name: 'Customs & hold',
    urlPatterns: ['tos.example.com', 'http://127.0.0.1:8787/orders/*'],
  };
  const byHand = { ...emptyPreset('p-hand'), name: 'Re-weigh' };

  it('turns a preset’s patterns into the browser’s match patterns', () => {
    expect(menuPatternsOf(customs)).toEqual(['*://tos.example.com/*', 'http://127.0.0.1:8787/orders/*']);
  });

  it('adds one item per preset for its pages, none for a preset chosen by hand only', async () => {
    const created: { id?: string | number; title?: string; documentUrlPatterns?: string[] }[] = [];
    Object.assign(fakeBrowser.contextMenus, {
      removeAll: async () => void created.splice(0),
      create: (properties: (typeof created)[number], done?: () => void) => {
        created.push(properties);
        done?.();
        return properties.id;
      },
    });
    await presetsItem.setValue([byHand, customs]);
    await createMenu();
    expect(created.map(({ id, title, documentUrlPatterns }) => ({ id, title, documentUrlPatterns }))).toEqual(
      [
        { id: MENU_ITEM_ID, title: 'Create BzCtrl incident for “%s”', documentUrlPatterns: undefined },
        {
          id: 'preset:p-customs',
          // "&" marks a menu's access key: doubled, it shows as itself.
          title: 'Customs && hold for “%s”',
          documentUrlPatterns: ['*://tos.example.com/*', 'http://127.0.0.1:8787/orders/*'],
        },
      ],
    );
  });

  it('opens the form with the preset the item names, and the selection', async () => {
    const tab = await openTab();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    await onMenuClicked({ menuItemId: 'preset:p-customs', selectionText: 'SO 777' }, tab);
    expect(created).toHaveBeenCalledOnce();
    expect(await takeLaunch(tab.id as number)).toEqual({
      selection: 'SO 777',
      presetId: 'p-customs',
      at: expect.any(Number),
    });
  });
});

describe('presetsForMenu', () => {
  it('lists the organisation’s presets first, ids by place, and leaves out what the form could not use', async () => {
    await fakeBrowser.storage.managed.set({
      presets: [
        { name: 'Org hold', urlPatterns: ['tos.example.com'] },
        { name: 'Typo', urlPatterns: ['tos.example.com'], title: '{so}' },
      ],
    });
    const mine = { ...emptyPreset('p-mine'), name: 'Mine', urlPatterns: ['127.0.0.1'] };
    const badKey = { ...emptyPreset('p-key'), name: 'Bad key', urlPatterns: ['x.test'], domain: 'a b' };
    const badPattern = { ...emptyPreset('p-pattern'), name: 'Bad pattern', urlPatterns: ['not a pattern/x'] };
    await fakeBrowser.storage.local.set({ presets: [mine, badKey, badPattern, 'not a preset'] });
    expect((await presetsForMenu()).map(({ id, name }) => [id, name])).toEqual([
      ['policy-1', 'Org hold'],
      ['p-mine', 'Mine'],
    ]);
  });
});
