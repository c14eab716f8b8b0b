/**
 * Pick on page, the worker's part. The popup or the options page asks (startPick); the worker
 * injects the page picker into every frame of the tab it may script (the user's gesture gave it the
 * tab) and keeps the session, with a random id, in session storage (the worker may be stopped while
 * the operator picks). The picker, in that tab and session only, sends what the operator confirmed
 * (pickMade): for the form, the worker saves it as a page rule for the site, so that the next
 * popup shows the value and its rule (the toolbar popup is long closed by then); for the options
 * page, it hands it over to the rule being edited. Either way every frame's picker is then stopped.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import { invalid, refused } from '../failures';
import { pickEndPayloadSchema, pickMadePayloadSchema, startPickPayloadSchema } from '../message-payloads';
import { isExtensionPage, isPickerInTab, type MessageSender, sendMessage } from '../messages';
import { pickForRulesItem } from '../pick-for-rules';
import { sitePatternOf, withPickedRule } from '../picked-rules';
import type { InjectedPickerOptions } from '../picker/options';
import { siteRulesItem } from '../settings';
import { defineCheckedItem, exclusively } from '../stored';

const PAGE_PICKER = '/page-picker.js';
/** A session nobody finished is over after this long. */
const SESSION_LIFETIME_MS = 10 * 60_000;

const pickSessionSchema = z.object({
  id: z.string(),
  tabId: z.number(),
  field: z.enum(['serviceOrder', 'lrn']),
  purpose: z.enum(['form', 'rules']),
  /** The options page's tab, which gets the focus back. */
  requesterTabId: z.optional(z.number()),
  startedAt: z.number(),
});
type PickSession = z.infer<typeof pickSessionSchema>;

export const pickSessionItem = defineCheckedItem<PickSession | null>(
  'session:pickSession',
  pickSessionSchema,
  null,
  {
    version: 1,
  },
);

export async function handleStartPick(data: unknown, sender: MessageSender) {
  if (!isExtensionPage(sender)) return refused();
  const payload = startPickPayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  const { tabId, field, purpose } = payload.data;
  await stopSession(await pickSessionItem.getValue());
  const requesterTabId = (sender.tab as { id?: number } | undefined)?.id;
  const session: PickSession = {
    id: crypto.randomUUID(),
    tabId,
    field,
    purpose,
    ...(requesterTabId === undefined ? {} : { requesterTabId }),
    startedAt: Date.now(),
  };
  await pickSessionItem.setValue(session);
  try {
    const target = { tabId, allFrames: true };
    const options: InjectedPickerOptions = { session: session.id, field };
    await browser.scripting.executeScript({
      target,
      func: (picker: InjectedPickerOptions) => {
        Object.assign(globalThis, { bzctrlPicker: picker });
      },
      args: [options],
    });
    await browser.scripting.executeScript({ target, files: [PAGE_PICKER] });
  } catch {
    await pickSessionItem.setValue(null);
    return { ok: false as const, kind: 'refused' as const, message: i18n.t('pick.cannotPick') };
  }
  // From the options page the page is in another tab: bring it to the front to pick in.
  if (purpose === 'rules') await bringToFront(tabId);
  return { ok: true as const };
}

export async function handlePickMade(data: unknown, sender: MessageSender) {
  const session = await liveSession();
  if (!session || !isPickerInTab(sender, session.tabId)) return refused();
  const payload = pickMadePayloadSchema.safeParse(data);
  if (!payload.success) return invalid(payload.error);
  const pick = payload.data;
  if (pick.session !== session.id || pick.field !== session.field) return refused();
  const urlPattern = sitePatternOf(sender.url ?? '');
  if (!urlPattern) return { ok: false as const, kind: 'invalid' as const, message: i18n.t('pick.notASite') };
  await pickSessionItem.setValue(null);
  void stopSession(session);
  if (session.purpose === 'rules') {
    const { field, value, anchor } = pick;
    await pickForRulesItem.setValue({ field, value, anchor, urlPattern, at: Date.now() });
    if (session.requesterTabId !== undefined) void bringToFront(session.requesterTabId);
    return { ok: true as const, message: i18n.t('pick.handedToOptions') };
  }
  await exclusively(siteRulesItem.key, async () =>
    siteRulesItem.setValue(
      withPickedRule(await siteRulesItem.getValue(), urlPattern, pick.field, pick.anchor),
    ),
  );
  return { ok: true as const, message: await savedMessage(urlPattern) };
}

export async function handlePickEnded(data: unknown, sender: MessageSender) {
  const session = await liveSession();
  if (!session || !isPickerInTab(sender, session.tabId)) return refused();
  const payload = pickEndPayloadSchema.safeParse(data);
  if (!payload.success || payload.data.session !== session.id) return refused();
  await pickSessionItem.setValue(null);
  await stopSession(session);
  return { ok: true as const };
}

/** The session in progress, unless it is older than a session lives. */
async function liveSession(): Promise<PickSession | null> {
  const session = await pickSessionItem.getValue();
  return session && Date.now() - session.startedAt < SESSION_LIFETIME_MS ? session : null;
}

/** Tells every frame's picker of `session` to stop (frames where the pick did not happen included). */
async function stopSession(session: PickSession | null): Promise<void> {
  if (!session) return;
  await sendMessage('stopPicking', { session: session.id }, session.tabId).catch(() => undefined);
}

async function bringToFront(tabId: number): Promise<void> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // The tab is gone: nothing to bring forward.
  }
}

/** "Saved as a page rule for https://tos.example.com/*. Press Alt+Shift+K for the form." */
async function savedMessage(urlPattern: string): Promise<string> {
  const commands = await browser.commands.getAll().catch(() => []);
  const shortcut = commands.find((command) =>
    /^_execute_(browser_)?action$/.test(command.name ?? ''),
  )?.shortcut;
  return shortcut
    ? i18n.t('pick.savedWithShortcut', { pattern: urlPattern, shortcut })
    : i18n.t('pick.saved', { pattern: urlPattern });
}
