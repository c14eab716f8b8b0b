import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findByRules } from '@/lib/page/site-rules';
import type { RuleReading, SiteRule } from '@/lib/page/types';
import { readWhenReady } from '@/lib/page/wait';

/** Set by lib/read-tab.ts in this isolated world just before this script is injected. */
interface RuleOptions {
  bzctrlSiteRules?: SiteRule[];
}

/** How long a screen that shows nothing yet gets to render what a rule points at. */
const TIMEOUT_MS = 1000;

// Injected beside the page reader, only when the user or the organisation has page rules: what
// each rule for this frame's address points at (the page reader carries no rules, which keeps it
// small). It never runs a rule's regex: lib/read-tab.ts does, with RE2, outside the page.
export default defineUnlistedScript(() => {
  const rules = (globalThis as RuleOptions).bzctrlSiteRules ?? [];
  return readWhenReady<RuleReading>(
    document,
    () => findByRules(document, location.href, rules),
    (reading) => reading.ruleFindings.length > 0,
    rules.length > 0 ? TIMEOUT_MS : 0,
  );
});
