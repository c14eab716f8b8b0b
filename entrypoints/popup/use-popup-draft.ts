import { useCallback, useRef, useState } from 'react';
import { emptyReportForm, type ReportField, type ReportForm } from '@/lib/bzctrl/report-form';
import { type Draft, discardDraft, saveDraft } from '@/lib/drafts';
import type { Settings } from '@/lib/settings';

function newDraft(tabId: number | null, settings: Settings, email: string): Draft {
  return {
    id: crypto.randomUUID(),
    tabId,
    values: emptyReportForm(settings.defaultType, email),
    typed: [],
    updatedAt: 0,
  };
}

/**
 * The form's draft: its values and which fields the user typed in (the one record of that), saved
 * as they change. A fresh draft starts with Assignee and Reporter set to `email`.
 */
export function usePopupDraft(
  restoredDraft: Draft | undefined,
  tabId: number | null,
  settings: Settings,
  email: string,
) {
  const [draft, setDraft] = useState<Draft>(() => restoredDraft ?? newDraft(tabId, settings, email));
  // The draft as last changed, for the next change to build on. Saved from here, never from inside
  // a state updater: React may run an updater again in a later render, and a save then, after the
  // worker discarded the draft of an item it created, would bring the draft back.
  const latest = useRef(draft);
  const change = useCallback((next: Draft) => {
    latest.current = next;
    setDraft(next);
  }, []);
  const [restored, setRestored] = useState(Boolean(restoredDraft));
  const holdsWork = draft.typed.length > 0;

  const keep = useCallback(
    (values: ReportForm, typed: ReportField[], presetChoice?: string | null) => {
      const next = { ...latest.current, values, typed, presetChoice, updatedAt: Date.now() };
      change(next);
      void saveDraft(next);
    },
    [change],
  );

  /** The preset the user chose: kept with the draft once it holds work, so a closed popup keeps it. */
  const keepChoice = useCallback(
    (presetChoice: string | null) => {
      const previous = latest.current;
      const next = { ...previous, presetChoice };
      change(next);
      if (previous.typed.length > 0) void saveDraft({ ...next, updatedAt: Date.now() });
    },
    [change],
  );

  /** A fresh form (after an item was created or queued, or the draft discarded). */
  const startOver = useCallback(
    (forEmail: string) => {
      change(newDraft(tabId, settings, forEmail));
      setRestored(false);
    },
    [tabId, settings, change],
  );

  const discard = useCallback(
    async (forEmail: string) => {
      await discardDraft(latest.current.id);
      startOver(forEmail);
    },
    [startOver],
  );

  return { draft, restored, holdsWork, keep, keepChoice, startOver, discard };
}
