/**
 * The two ways into the form besides the toolbar button: the right-click menu on selected text
 * ("Create BzCtrl incident for “…”") and the `create-from-selection` shortcut. Both open the form
 * about the tab, with Service order taken from the selection.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { TodoType } from '../bzctrl/schema';
import { leaveLaunch } from '../launch';
import { cleanText } from '../page/values';
import { loadSettings, settingsItem } from '../settings';
import { openFormWindow } from '../tabs';

export const MENU_ITEM_ID = 'create-from-selection';
export const SELECTION_COMMAND = 'create-from-selection';

export function menuTitle(defaultType: TodoType): string {
  // %s is the selected text, filled in by the browser.
  return defaultType === 'TASK' ? i18n.t('menu.createTask') : i18n.t('menu.createIncident');
}

export function registerFormLaunchers(): void {
  browser.runtime.onInstalled.addListener(() => void createMenu());
  // Menus outlive a browser restart, which is when its language may have changed: title it anew.
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // The menu says "incident" or "task" after the default type in force (the policy's, if it sets one).
  settingsItem.watch(() => void retitleMenu());
}

async function retitleMenu(): Promise<void> {
  const { defaultType } = await loadSettings();
  await browser.contextMenus.update(MENU_ITEM_ID, { title: menuTitle(defaultType) });
}

async function createMenu(): Promise<void> {
  const { defaultType } = await loadSettings();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ITEM_ID, title: menuTitle(defaultType), contexts: ['selection'] });
}

/** What the handlers need of a tab and a menu click (the browsers' own types differ). */
interface TabRef {
  id?: number | undefined;
}
interface MenuClick {
  menuItemId: string | number;
  selectionText?: string | undefined;
}

export async function onMenuClicked(info: MenuClick, tab: TabRef | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ITEM_ID || tab?.id === undefined) return;
  await openFormFromSelection(tab, info.selectionText ?? '');
}

export async function onCommand(command: string, tab: TabRef | undefined): Promise<void> {
  if (command !== SELECTION_COMMAND) return;
  const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined) return;
  await openFormFromSelection(target, await selectionIn(target.id));
}

/** The text selected in the tab (any frame the shortcut's grant reaches; in a field, too), or ''. */
async function selectionIn(tabId: number): Promise<string> {
  try {
    const frames = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => {
        const field = document.activeElement as HTMLInputElement | null;
        const inField =
          field && typeof field.selectionStart === 'number' && field.value
            ? field.value.slice(field.selectionStart, field.selectionEnd ?? undefined)
            : '';
        return inField || (getSelection()?.toString() ?? '');
      },
    });
    return frames.map((frame) => String(frame.result ?? '')).find((text) => text.trim()) ?? '';
  } catch {
    return '';
  }
}

/**
 * Leaves the selection for the form, which reads it by the one selection rule (lib/page/selection.ts),
 * as the page reader does, with the label beside it where the page can be read.
 */
export async function openFormFromSelection(tab: TabRef, selectedText: string): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const selection = cleanText(selectedText);
  if (selection) await leaveLaunch(tabId, { selection, at: Date.now() });
  await openForm(tab);
}

/** The toolbar popup where the browser allows opening it from here, else a small window of its own. */
async function openForm(tab: TabRef): Promise<void> {
  try {
    await (browser.action ?? browser.browserAction).openPopup();
    return;
  } catch {
    // Older browsers, or no focused window to anchor the popup to.
  }
  await openFormWindow(tab.id);
}
