import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type ReadableTab, readableTabsFor } from '@/lib/open-tabs';
import { siteRuleErrors } from '@/lib/page/site-rules';
import type { PageReading, SiteRule } from '@/lib/page/types';
import { readTab } from '@/lib/read-tab';
import { siteRulesItem } from '@/lib/settings';
import { Field } from './Field';

/** A rule as the form edits it: every part a plain text field. */
interface RuleRow {
  key: number;
  urlPattern: string;
  serviceOrderSelector: string;
  serviceOrderRegex: string;
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
    serviceOrderSelector: rule.serviceOrder?.selector ?? '',
    serviceOrderRegex: rule.serviceOrder?.regex ?? '',
    lrnSelector: rule.lrn?.selector ?? '',
    lrnRegex: rule.lrn?.regex ?? '',
  };
}

function toRule(row: RuleRow): SiteRule {
  const part = (selector: string, regex: string) =>
    selector.trim() || regex.trim()
      ? {
          ...(selector.trim() ? { selector: selector.trim() } : {}),
          ...(regex.trim() ? { regex: regex.trim() } : {}),
        }
      : undefined;
  const rule: SiteRule = { urlPattern: row.urlPattern.trim() };
  const serviceOrder = part(row.serviceOrderSelector, row.serviceOrderRegex);
  const lrn = part(row.lrnSelector, row.lrnRegex);
  if (serviceOrder) rule.serviceOrder = serviceOrder;
  if (lrn) rule.lrn = lrn;
  return rule;
}

const PART_LABELS: [RulePart, string][] = [
  ['urlPattern', 'Pages (URL pattern)'],
  ['serviceOrderSelector', 'Service order: CSS selector'],
  ['serviceOrderRegex', 'Service order: regular expression'],
  ['lrnSelector', 'LRN: CSS selector'],
  ['lrnRegex', 'LRN: regular expression'],
];

/**
 * Per-site page rules: where a site shows its service order and LRN, as a CSS selector or a
 * regular expression with one capture group. Tried before the built-in reading.
 */
export function SiteRulesForm() {
  const [rows, setRows] = useState<RuleRow[]>();
  const [errors, setErrors] = useState<Record<number, RuleErrors>>({});
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    void siteRulesItem.getValue().then((rules) => setRows(rules.map(toRow)));
  }, []);
  if (!rows) return null;

  function edit(key: number, part: RulePart, value: string) {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, [part]: value } : row)));
    setErrors((current) => ({ ...current, [key]: { ...current[key], [part]: undefined } }));
    setStatus(undefined);
  }

  async function save() {
    const found = Object.fromEntries(rows?.map((row) => [row.key, siteRuleErrors(toRule(row))]) ?? []);
    setErrors(found);
    if (Object.values(found).some((ruleErrors) => Object.values(ruleErrors).some(Boolean))) {
      setStatus(undefined);
      return;
    }
    await siteRulesItem.setValue(rows?.map(toRule) ?? []);
    setStatus('Page rules saved.');
  }

  return (
    <section className="card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Page rules</h2>
      <p className="muted">
        For a site whose screens the built-in reading gets wrong: where its service order and LRN stand. A
        regular expression needs one capture group, e.g. <code>Order\s+(\d+)</code>.
      </p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rule">
          <legend>Rule {index + 1}</legend>
          {PART_LABELS.map(([part, label]) => (
            <Field key={part} label={label} error={errors[row.key]?.[part]}>
              <input
                spellCheck={false}
                value={row[part]}
                placeholder={part === 'urlPattern' ? 'https://tos.example.com/*' : undefined}
                onChange={(event) => edit(row.key, part, event.target.value)}
              />
            </Field>
          ))}
          <RuleTester rule={toRule(row)} valid={Object.keys(siteRuleErrors(toRule(row))).length === 0} />
          <button type="button" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
            Remove rule {index + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => setRows([...rows, toRow({ urlPattern: '' })])}>
          Add rule
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save rules
        </button>
        {status && (
          <span className="message message--ok" role="status">
            {status}
          </span>
        )}
      </div>
    </section>
  );
}

/** Runs one rule on an open tab of the user's choice and shows what it finds. */
function RuleTester({ rule, valid }: { rule: SiteRule; valid: boolean }) {
  const [tabs, setTabs] = useState<ReadableTab[]>();
  const [tabId, setTabId] = useState<number>();
  const [result, setResult] = useState<PageReading>();
  const [message, setMessage] = useState<string>();

  async function run(chosen?: number) {
    setResult(undefined);
    setMessage(undefined);
    let open = await readableTabsFor(rule.urlPattern);
    if (open.length === 0) {
      // Asked on this click: the extension may read a site only when the user says so.
      const granted = await browser.permissions
        .request({ origins: [originPatternOf(rule.urlPattern)] })
        .catch(() => false);
      if (granted) open = await readableTabsFor(rule.urlPattern);
    }
    setTabs(open);
    const target = open.find((tab) => tab.id === chosen) ?? open[0];
    if (!target) {
      setMessage('Open a page this rule is for (and allow access to it), then test again.');
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
    <div className="rule-test" aria-live="polite">
      <div className="actions">
        <button type="button" disabled={!valid} onClick={() => void run(tabId)}>
          Test
        </button>
        {tabs && tabs.length > 0 && (
          <Field label="On tab">
            <select
              value={tabId}
              onChange={(event) => {
                const chosen = Number(event.target.value);
                setTabId(chosen);
                void run(chosen);
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
      {message && <p className="message message--warning">{message}</p>}
      {result && (
        <p className="rule-test__result">
          Service order: <output>{result.serviceOrder[0]?.value ?? 'nothing found'}</output> · LRN:{' '}
          <output>{result.lrn[0]?.value ?? 'nothing found'}</output>
        </p>
      )}
    </div>
  );
}

/** The host permission a URL pattern needs: scheme and host, any path. */
function originPatternOf(urlPattern: string): string {
  const match = /^(\*|https?):\/\/([^/]+)/.exec(urlPattern.trim());
  if (match) return `${match[1]}://${match[2]}/*`;
  return `*://${urlPattern.trim().replace(/\/.*$/, '')}/*`;
}
