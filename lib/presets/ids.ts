/**
 * What the worker needs of the organisation's presets, apart from the presets' schema (which the
 * worker does without, to stay within its size budget): their ids, and the workspaces they send to.
 */
import { toDomainWorkSpace } from '../bzctrl/schema';

/**
 * A policy preset's id: `policy-` and the id the policy gives it, so that a draft or a menu item
 * names the same preset when IT reorders the list; else `policy-` and its place in the list.
 */
export function policyPresetId(entry: unknown, index: number): string {
  const given = (entry as { id?: unknown } | null)?.id;
  return typeof given === 'string' && /^[\w-]{1,50}$/.test(given) ? `policy-${given}` : `policy-${index + 1}`;
}

/** The workspace keys the organisation's presets send to (those that name one). */
export function policyPresetKeys(policy: Record<string, unknown>): string[] {
  const entries = Array.isArray(policy.presets) ? policy.presets : [];
  return entries.flatMap((entry) => {
    const { domain, workspace } = (entry ?? {}) as { domain?: unknown; workspace?: unknown };
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return text(domain) || text(workspace) ? [toDomainWorkSpace(text(domain), text(workspace))] : [];
  });
}
