import { useCallback, useState } from 'react';
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
  const [restored, setRestored] = useState(Boolean(restoredDraft));
  const holdsWork = draft.typed.length > 0;

  const keep = useCallback((values: ReportForm, typed: ReportField[], presetChoice?: string | null) => {
    setDraft((previous) => {
      const next = { ...previous, values, typed, presetChoice, updatedAt: Date.now() };
      void saveDraft(next);
      return next;
    });
  }, []);

  /** The preset the user chose: kept with the draft once it holds work, so a closed popup keeps it. */
  const keepChoice = useCallback((presetChoice: string | null) => {
    setDraft((previous) => {
      const next = { ...previous, presetChoice };
      if (previous.typed.length > 0) void saveDraft({ ...next, updatedAt: Date.now() });
      return next;
    });
  }, []);

  /** A fresh form (after an item was created or queued, or the draft discarded). */
  const startOver = useCallback(
    (forEmail: string) => {
      setDraft(newDraft(tabId, settings, forEmail));
      setRestored(false);
    },
    [tabId, settings],
  );

  const discard = useCallback(
    async (forEmail: string) => {
      await discardDraft(draft.id);
      startOver(forEmail);
    },
    [draft.id, startOver],
  );

  return { draft, restored, holdsWork, keep, keepChoice, startOver, discard };
}
