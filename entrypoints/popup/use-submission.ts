import { useState } from 'react';
import { i18n } from '#i18n';
import type { ReportForm } from '@/lib/bzctrl/report-form';
import type { CreatedItem } from '@/lib/bzctrl/submission';
import type { Failure } from '@/lib/failures';
import { sendMessage } from '@/lib/messages';
import type { OutboxItem } from '@/lib/outbox';

export type Outcome =
  | { kind: 'created'; item: CreatedItem; warnings: string[] }
  | { kind: 'queued'; item: OutboxItem };

/**
 * Create: the form goes to the worker, which owns what comes of it (this popup may be gone by then).
 * Here: what the worker answered while the popup was still open, and why the user must sign in
 * again when the session expired (the form stays as it is).
 */
export function useSubmission(draftId: string, tabId: number | null, onSignedOut: () => void) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [signInNotice, setSignInNotice] = useState<string>();

  /** `domainWorkSpace`: where the item goes, as the form shows it (a preset's, or the settings'). */
  async function submit(form: ReportForm, domainWorkSpace: string): Promise<Failure | undefined> {
    const result = await sendMessage('submit', {
      id: draftId,
      form,
      tabId: tabId ?? undefined,
      domainWorkSpace,
    }).catch(
      (error: unknown): Failure => ({
        ok: false,
        kind: 'network',
        message: i18n.t('error.noAnswer', { detail: String(error) }),
      }),
    );
    if (!result.ok) {
      if (result.kind !== 'signed-out') return result;
      // The password is asked for right here, with the reason.
      setSignInNotice(result.message);
      onSignedOut();
      return undefined;
    }
    // Created, or safe in the outbox: the worker has cleared the draft.
    setOutcome(
      result.status === 'created'
        ? { kind: 'created', item: result.item, warnings: result.warnings }
        : { kind: 'queued', item: result.outbox },
    );
    return undefined;
  }

  function clear() {
    setOutcome(undefined);
    setSignInNotice(undefined);
  }

  return { outcome, signInNotice, submit, clear };
}
