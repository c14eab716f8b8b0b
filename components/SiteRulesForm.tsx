// Over 200 lines: the rules are saved together, so their rows, their errors and their saving stay
// in one place; testing and picking live in RuleTester.tsx and PickOnPage.tsx.
import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { isSiteRule } from '@/lib/page/rule-shape';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import type { FieldRule, Field as PageField, SiteRule } from '@/lib/page/types';
import type { PickForRules } from '@/lib/pick-for-rules';
import { loadPolicySiteRules, type PolicySiteRules } from '@/lib/policy';
import { siteRulesItem } from '@/lib/settings';
import { Field } from './Field';
import { ManagedRule } from './ManagedRule';
import { PickOnPage, usePicksForRules } from './PickOnPage';
import { RefusedPolicyValues } from './RefusedPolicyValues';
import { RuleTester } from './RuleTester';
import { StatusMessage } from './StatusMessage';
import { useFocusAfterRender } from './use-focus-after-render';
import { type ListRows, useStoredListEditor } from './use-stored-list-editor';

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

/** The rules as text, for comparing what is shown with what is stored. */
function rowsText(rows: readonly RuleRow[]): string {
  return JSON.stringify(rows.map(toRule));
}

const RULE_ROWS: ListRows<SiteRule, RuleRow> = {
  item: siteRulesItem,
  toRows: (rules) => rules.map(toRow),
  // Through rows and back: stored and shown compare as the form would save them.
  textOfList: (rules) => rowsText(rules.map(toRow)),
  textOfRows: rowsText,
};

const FIELD_PARTS: Record<PageField, readonly RulePart[]> = {
  serviceOrder: ['serviceOrderLabel', 'serviceOrderSelector', 'serviceOrderRegex'],
  lrn: ['lrnLabel', 'lrnSelector', 'lrnRegex'],
};

/** The row with what was picked in its field: the label (or the selector) instead of what was there. */
function withPick(row: RuleRow, pick: PickForRules): RuleRow {
  const [labelPart, selectorPart, regexPart] = FIELD_PARTS[pick.field] as [RulePart, RulePart, RulePart];
  return {
    ...row,
    urlPattern: row.urlPattern.trim() || pick.urlPattern,
    [labelPart]: 'label' in pick.anchor ? pick.anchor.label : '',
    [selectorPart]: 'selector' in pick.anchor ? pick.anchor.selector : '',
    [regexPart]: '',
  };
}

/**
 * Per-site page rules: where a site shows its service order and LRN, as the label beside the
 * value, a CSS selector or a regular expression with one capture group. Tried before the built-in
 * reading.
 */
export function SiteRulesForm() {
  const [errors, setErrors] = useState<Record<number, RuleErrors>>({});
  // A rule picked on a page meanwhile (from the popup) shows up here, or, over unsaved edits, is
  // told of: a Save would replace it.
  const {
    rows,
    setRows,
    changedElsewhere,
    save: saveList,
  } = useStoredListEditor(RULE_ROWS, () => setErrors({}));
  const [status, setStatus] = useState<string>();
  const [managedRules, setManagedRules] = useState<PolicySiteRules>({ siteRules: [], refused: [] });
  const section = useRef<HTMLElement>(null);
  // Where the keyboard focus goes once the rows are drawn: a rule added or removed, a save refused.
  const setFocusAfterRender = useFocusAfterRender(section);

  useEffect(() => {
    void loadPolicySiteRules().then(setManagedRules);
  }, []);
  // What the operator picked on a page for a rule here (Pick) fills that rule's field.
  const picks = usePicksForRules((key, pick) =>
    setRows((current) => current?.map((row) => (row.key === key ? withPick(row, pick) : row))),
  );
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
    // Not in the middle of the worker adding a rule picked on a page (lib/background/page-picks.ts).
    await saveList(rows?.map(toRule) ?? []);
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
      <RefusedPolicyValues
        refused={managedRules.refused}
        show={(value) => (isSiteRule(value) ? <ManagedRule rule={value} /> : undefined)}
      />
      {changedElsewhere && <p className="message message--warning">{i18n.t('rules.changedElsewhere')}</p>}
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
                      onStarted={() => picks.started(row.key, field)}
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
          {picks.said[row.key] && <p className="message message--ok">{picks.said[row.key]}</p>}
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
