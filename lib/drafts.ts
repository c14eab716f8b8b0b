/**
 * What the operator is typing, saved as it is typed (in storage.session: gone with the browser,
 * never readable by pages), per tab and service order, so a closed popup loses nothing.
 */
import { storage } from 'wxt/utils/storage';
import type { ReportForm } from './bzctrl/report-form';

export interface Draft {
  /** The submission id the form will send it under. */
  id: string;
  tabId: number | null;
  values: ReportForm;
  updatedAt: number;
}

const DRAFT_LIMIT = 20;

export const draftsItem = storage.defineItem<Draft[]>('session:drafts', { fallback: [], version: 1 });

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
  const ofTab = (await draftsItem.getValue()).filter((draft) => draft.tabId === tabId);
  if (serviceOrder) return ofTab.find((draft) => draft.values.orderID === serviceOrder);
  return ofTab[0];
}
