import { i18n } from '#i18n';
import type { FieldRule, SiteRule } from '@/lib/page/types';

/** An organisation's rule: its pages, and where it finds the service order and the LRN. */
export function ManagedRule({ rule }: { rule: SiteRule }) {
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
