import { useState } from 'react';
import { i18n } from '#i18n';
import { accessPatternsFor } from '@/lib/host-access';
import { type ReadableTab, readableTabsFor } from '@/lib/open-tabs';
import type { PageReading, SiteRule } from '@/lib/page/types';
import { readTab } from '@/lib/read-tab';
import { Field } from './Field';
import { useRuleAccess } from './rule-access';

/** Runs one rule on an open tab of the user's choice and shows what it finds. */
export function RuleTester({ rule, valid }: { rule: SiteRule; valid: boolean }) {
  const [tabs, setTabs] = useState<ReadableTab[]>();
  const [tabId, setTabId] = useState<number>();
  const [result, setResult] = useState<PageReading>();
  const [message, setMessage] = useState<string>();

  const { urlPattern } = rule;
  const access = useRuleAccess(urlPattern);
  const { mustAsk, recheck } = access;
  const askForAccess = access.ask;

  async function run(access: Promise<unknown>, chosen?: number) {
    setResult(undefined);
    // The browser may be asking the user in a dialog of its own meanwhile.
    setMessage(mustAsk ? i18n.t('rules.asking') : undefined);
    await access;
    setMessage(undefined);
    recheck();
    // What the grant covers, and any tab the shortcut's one-time grant reaches.
    const open = await readableTabsFor(rule.urlPattern);
    setTabs(open);
    const target = open.find((tab) => tab.id === chosen) ?? open[0];
    if (!target) {
      setMessage(
        accessPatternsFor(urlPattern).length > 0 ? i18n.t('rules.openPage') : i18n.t('rules.cannotAsk'),
      );
      return;
    }
    setTabId(target.id);
    const reading = await readTab(target.id, { rules: [rule] });
    setResult({
      serviceOrder: reading.serviceOrder.filter((candidate) => candidate.source === 'site-rule'),
      lrn: reading.lrn.filter((candidate) => candidate.source === 'site-rule'),
    });
  }

  return (
    <div className="rule-test">
      <div className="actions">
        <button type="button" disabled={!valid} onClick={() => void run(askForAccess(), tabId)}>
          {i18n.t('rules.test')}
        </button>
        {tabs && tabs.length > 0 && (
          <Field label={i18n.t('rules.onTab')}>
            <select
              value={tabId}
              onChange={(event) => {
                const chosen = Number(event.target.value);
                setTabId(chosen);
                void run(Promise.resolve(), chosen);
              }}
            >
              {tabs.map((tab) => (
                <option key={tab.id} value={tab.id}>
                  {tab.title || tab.url}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {/* One live region, always there, for what the test finds (the controls stay out of it). */}
      <div aria-live="polite">
        {message && <p className="message message--warning">{message}</p>}
        {result && (
          <p className="rule-test__result">
            {i18n.t('rules.resultServiceOrder')}{' '}
            <strong>{result.serviceOrder[0]?.value ?? i18n.t('rules.nothingFound')}</strong>
            {i18n.t('rules.resultLrn')}{' '}
            <strong>{result.lrn[0]?.value ?? i18n.t('rules.nothingFound')}</strong>
          </p>
        )}
      </div>
    </div>
  );
}
