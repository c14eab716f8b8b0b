/**
 * What the operator is typing, saved as it is typed (in storage.session: gone with the browser,
 * never readable by pages), per tab and service order, so a closed popup loses nothing.
 *
 * Each list has one kind of writer, so that no write overwrites another's: the drafts are written
 * by the form (the popup, or its window), and the ids of the drafts that were sent (whose item
 * BzCtrl or the outbox now holds) by the worker. A sent draft is not restored, and the form's next
 * save drops it.
 */
import { z } from 'zod/mini';
import { emptyReportForm, type ReportField, type ReportForm } from './bzctrl/report-form';
import { defineCheckedItem, defineCheckedList, exclusively } from './stored';

export interface Draft {
  /** The submission id the form will send it under. */
  id: string;
  tabId: number | null;
  values: ReportForm;
  /** The fields the user typed in: page readings never overwrite them, and they are the work to keep. */
  typed: ReportField[];
  /** The preset the user chose in the form (null: none), when they chose one. */
  presetChoice?: string | null | undefined;
  updatedAt: number;
}

const DRAFT_LIMIT = 20;

/**
 * A draft holds what is being typed, valid or not yet: each field a string (the form's own rules
 * apply when it is sent). A predicate, not a richer schema: the popup loads this at open.
 */
const draftSchema = z.custom<Draft>((value: unknown) => {
  const { id, tabId, values, updatedAt } = (value ?? {}) as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    (tabId === null || typeof tabId === 'number') &&
    typeof values === 'object' &&
    values !== null &&
    typeof updatedAt === 'number'
  );
}, 'not a draft');

/**
 * Which fields hold the user's own input: as the draft says, or, for a draft of an older version
 * that did not say, those that differ from an empty form (Assignee and Reporter from its reporter).
 */
function typedFields(draft: Draft, values: ReportForm): ReportField[] {
  const fields = Object.keys(values) as ReportField[];
  if (Array.isArray(draft.typed)) return draft.typed.filter((field) => fields.includes(field));
  const empty = emptyReportForm(values.todoType, values.reporter);
  return fields.filter((field) => values[field] !== empty[field]);
}

/** The draft's form, whole: fields a draft lacks (one of an older version) are empty, others dropped. */
function withEveryField(values: Record<string, unknown>): ReportForm {
  const empty = emptyReportForm(values.todoType === 'TASK' ? 'TASK' : 'INCIDENT', '');
  const typed = Object.fromEntries(
    Object.keys(empty).flatMap((field) =>
      typeof values[field] === 'string' ? [[field, values[field]]] : [],
    ),
  );
  return { ...empty, ...typed, todoType: empty.todoType };
}

export const draftsItem = defineCheckedList('session:drafts', draftSchema, { version: 1 });

/** The ids of drafts the worker sent, newest first: written by the worker alone. */
export const sentDraftsItem = defineCheckedItem('session:sentDrafts', z.array(z.string()), [], {
  version: 1,
});
const SENT_LIMIT = 100;

/** The drafts still to restore: every one the worker has not sent. */
export async function unsentDrafts(): Promise<Draft[]> {
  const [drafts, sent] = await Promise.all([draftsItem.getValue(), sentDraftsItem.getValue()]);
  return drafts.filter((draft) => !sent.includes(draft.id));
}

// Not exclusive (lib/stored.ts): a draft is saved at each keystroke, and the popup may close at
// any moment; one more round trip before the write would lose the last keystrokes. The form is
// the drafts' one writer, so none is needed.
export async function saveDraft(draft: Draft): Promise<void> {
  const others = (await unsentDrafts()).filter((other) => other.id !== draft.id);
  await draftsItem.setValue([draft, ...others].slice(0, DRAFT_LIMIT));
}

/** The worker's part: the draft's item is in BzCtrl or the outbox now, so the draft is done. */
export function markDraftSent(id: string): Promise<void> {
  return exclusively(sentDraftsItem.key, async () => {
    const sent = await sentDraftsItem.getValue();
    if (!sent.includes(id)) await sentDraftsItem.setValue([id, ...sent].slice(0, SENT_LIMIT));
  });
}

/** The form's Discard draft. */
export async function discardDraft(id: string): Promise<void> {
  const drafts = await unsentDrafts();
  await draftsItem.setValue(drafts.filter((draft) => draft.id !== id));
}

/**
 * The draft to restore for a form about `tabId`: the one for the service order the menu or
 * shortcut brought, else the tab's latest.
 */
export async function findDraft(tabId: number | null, serviceOrder?: string): Promise<Draft | undefined> {
  return chooseDraft(await draftsOfTab(tabId), serviceOrder);
}

/** The tab's drafts, newest first, each whole (see withEveryField) and saying which fields were typed. */
export async function draftsOfTab(tabId: number | null): Promise<Draft[]> {
  return (await unsentDrafts())
    .filter((draft) => draft.tabId === tabId)
    .map((draft) => {
      const values = withEveryField(draft.values);
      return { ...draft, values, typed: typedFields(draft, values) };
    });
}

/** Of a tab's drafts, the one for `serviceOrder` when one is given, else the latest. */
export function chooseDraft(drafts: readonly Draft[], serviceOrder?: string): Draft | undefined {
  if (serviceOrder) return drafts.find((draft) => draft.values.orderID === serviceOrder);
  return drafts[0];
}

/**
 * Of a tab's drafts, the one to restore over a page that shows `serviceOrder`: that order's, else
 * the latest of no service order; the latest when the page shows none. A draft of another service
 * order is not put under this one: its work is about that order, and stays kept for it.
 */
export function draftForPage(drafts: readonly Draft[], serviceOrder: string | undefined): Draft | undefined {
  if (!serviceOrder) return drafts[0];
  return (
    drafts.find((draft) => draft.values.orderID === serviceOrder) ??
    drafts.find((draft) => draft.values.orderID.trim() === '')
  );
}
