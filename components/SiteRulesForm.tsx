import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { accessPatternsFor } from '@/lib/host-access';
import { sendMessage } from '@/lib/messages';
import { accessNeededFor, type ReadableTab, readableTabsFor } from '@/lib/open-tabs';
import { isSiteRule } from '@/lib/page/rule-shape';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import type { FieldRule, Field as PageField, PageReading, SiteRule } from '@/lib/page/types';
import { pickForRulesItem } from '@/lib/pick-for-rules';
import { loadPolicySiteRules, type PolicySiteRules } from '@/lib/policy';
import { readTab } from '@/lib/read-tab';
import { siteRulesItem } from '@/lib/settings';
import { Field } from './Field';
import { PickButton } from './PickButton';
import { StatusMessage } from './StatusMessage';

/** A rule as the form edits it: every part a plain text field. */
interface RuleRow {
  key: number;
  urlPattern: string;
  serviceOrderLabel: string;
  serviceOrderSelector: string;
  serviceOrderRegex: string;
  lrnLabel: string;
  lrnSelector: string;
  lrnRegex: string;
}
type RuleErrors = ReturnType<typeof siteRuleErrors>;
type RulePart = Exclude<keyof RuleRow, 'key'>;

let nextKey = 1;

function toRow(rule: SiteRule): RuleRow {
  return {
    key: nextKey++,
    urlPattern: rule.urlPattern,
    serviceOrderLabel: rule.serviceOrder?.label ?? '',
    serviceOrderSelector: rule.serviceOrder?.selector ?? '',
    serviceOrderRegex: rule.serviceOrder?.regex ?? '',
    lrnLabel: rule.lrn?.label ?? '',
    lrnSelector: rule.lrn?.selector ?? '',
    lrnRegex: rule.lrn?.regex ?? '',
  };
}

function toRule(row: RuleRow): SiteRule {
  const part = (label: string, selector: string, regex: string): FieldRule | undefined => {
    const parts = Object.entries({ label, selector, regex }).filter(([, text]) => text.trim());
    return parts.length > 0
      ? Object.fromEntries(parts.map(([name, text]) => [name, text.trim()]))
      : undefined;
  };
  const rule: SiteRule = { urlPattern: row.urlPattern.trim() };
  const serviceOrder = part(row.serviceOrderLabel, row.serviceOrderSelector, row.serviceOrderRegex);
  const lrn = part(row.lrnLabel, row.lrnSelector, row.lrnRegex);
  if (serviceOrder) rule.serviceOrder = serviceOrder;
  if (lrn) rule.lrn = lrn;
  return rule;
}

const FIELD_PARTS: Record<PageField, readonly RulePart[]> = {
  serviceOrder: ['serviceOrderLabel', 'serviceOrderSelector', 'serviceOrderRegex'],
  lrn: ['lrnLabel', 'lrnSelector', 'lrnRegex'],
};

/**
 * Per-site page rules: where a site shows its service order and LRN, as a CSS selector or a
 * regular expression with one capture group. Tried before the built-in reading.
 */
export function SiteRulesForm() {
  const [rows, setRows] = useState<RuleRow[]>();
  const [errors, setErrors] = useState<Record<number, RuleErrors>>({});
  const [status, setStatus] = useState<string>();

  const [managedRules, setManagedRules] = useState<PolicySiteRules>({ siteRules: [], refused: [] });
  const section = useRef<HTMLElement>(null);
  // Where the keyboard focus goes once the rows are drawn: a rule added or removed, a save refused.
  const [focusAfterRender, setFocusAfterRender] = useState<string>();

  useEffect(() => {
    void siteRulesItem.getValue().then((rules) => setRows(rules.map(toRow)));
    void loadPolicySiteRules().then(setManagedRules);
  }, []);
  // What the operator picked on a page for a rule here (Pick): it fills that rule's field.
  const [picking, setPicking] = useState<{ key: number; field: PageField }>();
  const [picked, setPicked] = useState<Record<number, string>>({});
  useEffect(() => {
    if (!picking) return;
    return pickForRulesItem.watch((pick) => {
      if (!pick || pick.field !== picking.field) return;
      const { key, field } = picking;
      setPicking(undefined);
      const [labelPart, selectorPart, regexPart] = FIELD_PARTS[field] as [RulePart, RulePart, RulePart];
      setRows((current) =>
        current?.map((row) =>
          row.key === key
            ? {
                ...row,
                urlPattern: row.urlPattern.trim() || pick.urlPattern,
                [labelPart]: 'label' in pick.anchor ? pick.anchor.label : '',
                [selectorPart]: 'selector' in pick.anchor ? pick.anchor.selector : '',
                [regexPart]: '',
              }
            : row,
        ),
      );
      setPicked((current) => ({
        ...current,
        [key]:
          'label' in pick.anchor
            ? i18n.t('pick.picked', { value: pick.value, label: pick.anchor.label })
            : i18n.t('pick.pickedBySelector', { value: pick.value, selector: pick.anchor.selector }),
      }));
      void pickForRulesItem.setValue(null);
    });
  }, [picking]);
  useEffect(() => {
    if (!focusAfterRender) return;
    section.current?.querySelector<HTMLElement>(focusAfterRender)?.focus();
    setFocusAfterRender(undefined);
  }, [focusAfterRender]);
  if (!rows) return null;

  function edit(key: number, part: RulePart, value: string) {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, [part]: value } : row)));
    setErrors((current) => ({ ...current, [key]: { ...current[key], [part]: undefined } }));
    setStatus(undefined);
  }

  async function save() {
    setStatus(undefined); // emptied first, so that saving again is announced again
    const found = Object.fromEntries(rows?.map((row) => [row.key, siteRuleErrors(toRule(row))]) ?? []);
    setErrors(found);
    if (Object.values(found).some((ruleErrors) => Object.values(ruleErrors).some(Boolean))) {
      setFocusAfterRender('[aria-invalid="true"]');
      return;
    }
    await siteRulesItem.setValue(rows?.map(toRule) ?? []);
    setStatus(i18n.t('rules.saved'));
  }

  return (
    <section className="card" aria-labelledby="rules-heading" ref={section}>
      <h2 id="rules-heading">{i18n.t('rules.heading')}</h2>
      <p className="muted">
        {i18n.t('rules.intro')} <code>Order\s+(\d+)</code>
      </p>
      {managedRules.siteRules.length > 0 && (
        <div className="managed-rules">
          <h3>{i18n.t('rules.managed')}</h3>
          <ul>
            {managedRules.siteRules.map((rule) => (
              <li key={`${rule.urlPattern}|${JSON.stringify(rule)}`}>
                <ManagedRule rule={rule} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* The organisation's rules the options page would refuse: not used, and why. */}
      {managedRules.refused.length > 0 && (
        <div className="managed-rules managed-rules--refused">
          <h3>{i18n.t('policy.refusedRules')}</h3>
          <ul>
            {managedRules.refused.map(({ value, reasons }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the policy's list, fixed while the page is open
              <li key={index}>
                {isSiteRule(value) ? <ManagedRule rule={value} /> : <code>{JSON.stringify(value)}</code>}
                <ul className="managed-rules__reasons">
                  {reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rule">
          <legend>{i18n.t('rules.rule', { number: String(index + 1) })}</legend>
          <Field label={i18n.t('rules.urlPattern')} error={errors[row.key]?.urlPattern}>
            <input
              spellCheck={false}
              value={row.urlPattern}
              placeholder="https://tos.example.com/*"
              onChange={(event) => edit(row.key, 'urlPattern', event.target.value)}
            />
          </Field>
          {(['serviceOrder', 'lrn'] as const).map((field) =>
            FIELD_PARTS[field].map((part) => (
              <Field
                key={part}
                label={i18n.t(`rules.${part}`)}
                error={errors[row.key]?.[part]}
                action={
                  part.endsWith('Label') && (
                    <PickOnPage
                      field={field}
                      urlPattern={row.urlPattern}
                      onStarted={() => setPicking({ key: row.key, field })}
                    />
                  )
                }
              >
                <input
                  spellCheck={false}
                  value={row[part]}
                  onChange={(event) => edit(row.key, part, event.target.value)}
                />
              </Field>
            )),
          )}
          {picked[row.key] && <p className="message message--ok">{picked[row.key]}</p>}
          <RuleTester rule={toRule(row)} valid={Object.keys(siteRuleErrors(toRule(row))).length === 0} />
          <button
            type="button"
            onClick={() => {
              setRows(rows.filter((other) => other.key !== row.key));
              // The button goes with its rule: the focus goes to Add rule rather than nowhere.
              setFocusAfterRender('[data-focus="add-rule"]');
            }}
          >
            {i18n.t('rules.remove', { number: String(index + 1) })}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          data-focus="add-rule"
          onClick={() => {
            setRows([...rows, toRow({ urlPattern: '' })]);
            // Typing starts in the new rule's first field.
            setFocusAfterRender('fieldset.rule:last-of-type input');
          }}
        >
          {i18n.t('rules.add')}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {i18n.t('rules.save')}
        </button>
        <StatusMessage>{status}</StatusMessage>
      </div>
    </section>
  );
}

/**
 * Access to a rule's pages, as Test and Pick need it: whether the click must ask (known before the
 * click, which may await nothing before it asks), and the asking.
 */
function useRuleAccess(urlPattern: string) {
  const [mustAsk, setMustAsk] = useState(false);
  useEffect(() => {
    let current = true;
    const check = () => void accessNeededFor(urlPattern).then((needed) => current && setMustAsk(needed));
    check();
    // Back from another tab or window, a page may have been opened or access granted.
    window.addEventListener('focus', check);
    return () => {
      current = false;
      window.removeEventListener('focus', check);
    };
  }, [urlPattern]);
  return {
    mustAsk,
    /**
     * Asks for access to the rule's sites on this click, when it is needed. It must be the first
     * thing the click does: Firefox grants a request only from the user's input itself, before
     * anything is awaited.
     */
    ask(): Promise<unknown> {
      if (!mustAsk) return Promise.resolve();
      return browser.permissions.request({ origins: accessPatternsFor(urlPattern) }).catch(() => false);
    },
    recheck: () => void accessNeededFor(urlPattern).then(setMustAsk),
  };
}

/**
 * Pick on page for a rule: on an open page the rule is for, the operator points at the value; the
 * label beside it (or a selector) comes back into this rule's field.
 */
function PickOnPage({
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

/** Runs one rule on an open tab of the user's choice and shows what it finds. */
function RuleTester({ rule, valid }: { rule: SiteRule; valid: boolean }) {
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

/** An organisation's rule: its pages, and where it finds the service order and the LRN. */
function ManagedRule({ rule }: { rule: SiteRule }) {
  return (
    <>
      <code>{rule.urlPattern}</code>
      {rule.serviceOrder && (
        <>
          {i18n.t('rules.managedServiceOrder')} <code>{ruleText(rule.serviceOrder)}</code>
        </>
      )}
      {rule.lrn && (
        <>
          {i18n.t('rules.managedLrn')} <code>{ruleText(rule.lrn)}</code>
        </>
      )}
    </>
  );
}

function ruleText(rule: FieldRule): string {
  return [rule.label && `“${rule.label}”`, rule.selector, rule.regex && `/${rule.regex}/`]
    .filter(Boolean)
    .join(' ');
}
