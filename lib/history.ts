/**
 * What the extension created, so a link is never lost: the history (storage.local, the latest
 * 500, newest first), and the item just created from each tab (storage.session), which the next
 * popup on that tab names above a fresh form.
 */
import { z } from 'zod/mini';
import { type TodoType, todoTypeSchema } from './bzctrl/schema';
import { defineCheckedList, exclusively } from './stored';

export interface HistoryEntry {
  taskLink: string;
  /** Whether the link passed the trusted-link check when it was received. */
  trusted: boolean;
  title: string;
  todoType: TodoType;
  orderID: string;
  lrn?: string | undefined;
  domainWorkSpace: string;
  createdAt: string;
  /** The form's submission id: the same submission again is answered with this entry, not sent. */
  submissionId?: string | undefined;
}

const historyEntrySchema: z.ZodMiniType<HistoryEntry> = z.object({
  taskLink: z.string(),
  trusted: z.boolean(),
  title: z.string(),
  todoType: todoTypeSchema,
  orderID: z.string(),
  lrn: z.optional(z.string()),
  domainWorkSpace: z.string(),
  createdAt: z.string(),
  submissionId: z.optional(z.string()),
});

export const HISTORY_LIMIT = 500;
export const historyItem = defineCheckedList('local:history', historyEntrySchema, { version: 1 });

export function addToHistory(entry: HistoryEntry): Promise<void> {
  return exclusively(historyItem.key, async () => {
    const history = await historyItem.getValue();
    await historyItem.setValue([entry, ...history].slice(0, HISTORY_LIMIT));
  });
}

/** An item just created from a form about a tab. */
export interface JustCreated {
  tabId: number;
  entry: HistoryEntry;
}

/** How long the next popup on the tab mentions it. */
const JUST_CREATED_FOR_MS = 15 * 60_000;
const JUST_CREATED_LIMIT = 20;

export const justCreatedItem = defineCheckedList(
  'session:justCreated',
  z.object({ tabId: z.number(), entry: historyEntrySchema }),
  { version: 1 },
);

// The worker remembers and a popup takes: each change is exclusive.
export function rememberJustCreated(tabId: number, entry: HistoryEntry): Promise<void> {
  return exclusively(justCreatedItem.key, async () => {
    const others = (await justCreatedItem.getValue()).filter((item) => item.tabId !== tabId);
    await justCreatedItem.setValue([{ tabId, entry }, ...others].slice(0, JUST_CREATED_LIMIT));
  });
}

/**
 * What was created from this tab in the last minutes, before a popup that opened at `openedAt`
 * (epoch ms) did: taken once, so the popup after next is plain. An item created after the popup
 * opened is that popup's own (it says so itself) and stays for the next one.
 */
export async function takeJustCreated(
  tabId: number,
  openedAt: number,
  now = Date.now(),
): Promise<HistoryEntry | undefined> {
  const mine = await exclusively(justCreatedItem.key, async () => {
    const items = await justCreatedItem.getValue();
    const found = items.find((item) => item.tabId === tabId);
    if (!found || Date.parse(found.entry.createdAt) > openedAt) return undefined;
    await justCreatedItem.setValue(items.filter((item) => item !== found));
    return found;
  });
  if (!mine) return undefined;
  const age = now - Date.parse(mine.entry.createdAt);
  return age >= 0 && age < JUST_CREATED_FOR_MS ? mine.entry : undefined;
}
