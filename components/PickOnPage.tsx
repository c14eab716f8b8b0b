import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import { readableTabsFor } from '@/lib/open-tabs';
import type { Field as PageField } from '@/lib/page/types';
import { type PickForRules, pickForRulesItem } from '@/lib/pick-for-rules';
import { PickButton } from './PickButton';
import { useRuleAccess } from './rule-access';

/**
 * Pick on page for a rule: on an open page the rule is for, the operator points at the value; the
 * label beside it (or a selector) comes back into this rule's field.
 */
export function PickOnPage({
  field,
  urlPattern,
  onStarted,
}: {
  field: PageField;
  urlPattern: string;
  onStarted(): void;
}) {
  const access = useRuleAccess(urlPattern);
  const [message, setMessage] = useState<string>();
  async function pick(asked: Promise<unknown>) {
    setMessage(access.mustAsk ? i18n.t('rules.asking') : undefined);
    await asked;
    access.recheck();
    const [tab] = urlPattern.trim() ? await readableTabsFor(urlPattern) : [];
    if (!tab) {
      setMessage(urlPattern.trim() ? i18n.t('rules.openPage') : i18n.t('rules.enterSite'));
      return;
    }
    onStarted();
    const answer = await sendMessage('startPick', { tabId: tab.id, field, purpose: 'rules' }).catch(
      (error: unknown) => ({ ok: false as const, message: String(error) }),
    );
    setMessage(answer.ok ? undefined : answer.message);
  }

  return (
    <>
      <PickButton field={field} onPick={() => void pick(access.ask())} />
      {message && (
        <span className="message message--warning" role="status">
          {message}
        </span>
      )}
    </>
  );
}

/**
 * Picks for the options page's rules: which rule's Pick is on its way, and what each rule was told.
 * The worker leaves the pick in session storage (lib/pick-for-rules.ts); `onPicked` puts it in the rule.
 */
export function usePicksForRules(onPicked: (key: number, pick: PickForRules) => void) {
  const [picking, setPicking] = useState<{ key: number; field: PageField }>();
  const [said, setSaid] = useState<Record<number, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: listens per pick on its way, not per render
  useEffect(() => {
    if (!picking) return;
    return pickForRulesItem.watch((pick) => {
      if (!pick || pick.field !== picking.field) return;
      setPicking(undefined);
      onPicked(picking.key, pick);
      const { anchor, value } = pick;
      setSaid((current) => ({
        ...current,
        [picking.key]:
          'label' in anchor
            ? i18n.t('pick.picked', { value, label: anchor.label })
            : i18n.t('pick.pickedBySelector', { value, selector: anchor.selector }),
      }));
      void pickForRulesItem.setValue(null);
    });
  }, [picking]);
  return { said, started: (key: number, field: PageField) => setPicking({ key, field }) };
}
