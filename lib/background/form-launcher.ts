/**
 * The two ways into the form besides the toolbar button: the right-click menu on selected text
 * ("Create BzCtrl incident for “…”") and the `create-from-selection` shortcut. Both open the form
 * about the tab, with Service order taken from the selection. Beside the menu's own item, one per
 * preset, shown by the browser only on the pages the preset is for (`documentUrlPatterns`): where
 * one fits, the browser gathers the items under the extension's name.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { domainWorkSpaceSchema, type TodoType, toDomainWorkSpace } from '../bzctrl/schema';
import { leaveLaunch } from '../launch';
import { parseUrlPattern, toMatchPattern } from '../page/url-patterns';
import { cleanText } from '../page/values';
import { policyPresetId } from '../presets/ids';
import { unknownPlaceholders } from '../presets/templates';
import { loadSettings, readPolicy, settingsItem } from '../settings';
import { openFormWindow } from '../tabs';

export const MENU_ITEM_ID = 'create-from-selection';
/** A preset's menu item: this, then the preset's id. */
export const PRESET_ITEM_PREFIX = 'preset:';
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
  // One item per preset in force: the user's, and the organisation's.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && PRESETS_KEY in changes)) void createMenu();
  });
}

async function retitleMenu(): Promise<void> {
  const { defaultType } = await loadSettings();
  await browser.contextMenus.update(MENU_ITEM_ID, { title: menuTitle(defaultType) });
}

/** The menu's items; one build at a time, so that two changes at once never make an id twice. */
let menuBuilt = Promise.resolve();
export function createMenu(): Promise<void> {
  menuBuilt = menuBuilt.then(buildMenu, buildMenu);
  return menuBuilt;
}

async function buildMenu(): Promise<void> {
  const [{ defaultType }, presets] = await Promise.all([loadSettings(), presetsForMenu()]);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ITEM_ID, title: menuTitle(defaultType), contexts: ['selection'] });
  for (const preset of presets) {
    const documentUrlPatterns = menuPatternsOf(preset);
    // A preset for no page in particular is chosen in the form, not offered on every page.
    if (documentUrlPatterns.length === 0) continue;
    try {
      await new Promise<void>((resolve, reject) => {
        browser.contextMenus.create(
          {
            id: `${PRESET_ITEM_PREFIX}${preset.id}`,
            title: i18n.t('menu.withPreset', { name: preset.name.trim().slice(0, 80).replaceAll('&', '&&') }),
            contexts: ['selection'],
            documentUrlPatterns,
          },
          () => (browser.runtime.lastError ? reject(browser.runtime.lastError) : resolve()),
        );
      });
    } catch {
      // A pattern this browser will not take: the preset is still chosen by the form itself.
    }
  }
}

/** What the menu needs of a preset. */
export interface MenuPreset {
  id: string;
  name: string;
  urlPatterns: string[];
}

/** Where the user's presets are stored (lib/presets/preset.ts's presetsItem). */
const PRESETS_KEY = 'presets';

/**
 * The presets in force, the organisation's first (ids by their place, as lib/presets/policy.ts
 * gives them), as far as the menu uses them: a name and the pages. The worker does without the
 * presets' full checks, which the form applies when it opens (a preset that fails them opens the
 * form without it): that keeps the worker within its size budget.
 */
export async function presetsForMenu(): Promise<MenuPreset[]> {
  const [stored, policy] = await Promise.all([browser.storage.local.get(PRESETS_KEY), readPolicy()]);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const managed = list(policy.presets).map((entry, index) => ({
    ...(typeof entry === 'object' ? entry : {}),
    id: policyPresetId(entry, index),
  }));
  return [...managed, ...list(stored[PRESETS_KEY])].filter(isMenuPreset);
}

function isMenuPreset(value: unknown): value is MenuPreset {
  const { id, name, urlPatterns, title, description, domain, workspace } = (value ?? {}) as Record<
    string,
    unknown
  >;
  const text = (field: unknown) => field === undefined || typeof field === 'string';
  const template = (field: unknown) =>
    field === undefined || (typeof field === 'string' && unknownPlaceholders(field).length === 0);
  // The checks of presetSchema that say whether the form could use it at all.
  const key = toDomainWorkSpace(
    typeof domain === 'string' ? domain : '',
    typeof workspace === 'string' ? workspace : '',
  );
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    name.trim() !== '' &&
    Array.isArray(urlPatterns) &&
    urlPatterns.every((pattern) => typeof pattern === 'string' && parseUrlPattern(pattern)) &&
    template(title) &&
    template(description) &&
    text(domain) &&
    text(workspace) &&
    (key === '' || domainWorkSpaceSchema.safeParse(key).success)
  );
}

/** The preset's URL patterns as the browser's match patterns (Firefox's take no port). */
export function menuPatternsOf(preset: MenuPreset): string[] {
  const withPort = !import.meta.env.FIREFOX;
  return preset.urlPatterns.flatMap((pattern) => toMatchPattern(pattern, withPort) ?? []);
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
  if (tab?.id === undefined) return;
  const id = String(info.menuItemId);
  if (id === MENU_ITEM_ID) await openFormFromSelection(tab, info.selectionText ?? '');
  else if (id.startsWith(PRESET_ITEM_PREFIX)) {
    await openFormFromSelection(tab, info.selectionText ?? '', id.slice(PRESET_ITEM_PREFIX.length));
  }
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
export async function openFormFromSelection(
  tab: TabRef,
  selectedText: string,
  presetId?: string,
): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const selection = cleanText(selectedText);
  if (selection || presetId) {
    await leaveLaunch(tabId, { selection, at: Date.now(), ...(presetId ? { presetId } : {}) });
  }
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
