/**
 * What the operator is typing, saved as it is typed (in storage.session: gone with the browser,
 * never readable by pages), per tab and service order, so a closed popup loses nothing.
 */
import { z } from 'zod/mini';
import { emptyReportForm, type ReportForm } from './bzctrl/report-form';
import { defineCheckedList } from './stored';

export interface Draft {
  /** The submission id the form will send it under. */
  id: string;
  tabId: number | null;
  values: ReportForm;
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

export async function saveDraft(draft: Draft): Promise<void> {
  const drafts = await draftsItem.getValue();
  const others = drafts.filter((other) => other.id !== draft.id);
  await draftsItem.setValue([draft, ...others].slice(0, DRAFT_LIMIT));
}

export async function discardDraft(id: string): Promise<void> {
  const drafts = await draftsItem.getValue();
  await draftsItem.setValue(drafts.filter((draft) => draft.id !== id));
}

/**
 * The draft to restore for a form about `tabId`: the one for the service order the menu or
 * shortcut brought, else the tab's latest.
 */
export async function findDraft(tabId: number | null, serviceOrder?: string): Promise<Draft | undefined> {
  const ofTab = (await draftsItem.getValue())
    .filter((draft) => draft.tabId === tabId)
    .map((draft) => ({ ...draft, values: withEveryField(draft.values) }));
  if (serviceOrder) return ofTab.find((draft) => draft.values.orderID === serviceOrder);
  return ofTab[0];
}
