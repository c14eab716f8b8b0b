import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MENU_ITEM_ID,
  menuTitle,
  onCommand,
  onMenuClicked,
  openFormFromSelection,
  registerFormLaunchers,
} from '@/lib/background/form-launcher';
import { launchesItem, takeLaunch } from '@/lib/launch';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
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
