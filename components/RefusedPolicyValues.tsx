import type { ReactNode } from 'react';
import { i18n } from '#i18n';

/** A value of the organisation's policy that the options page would refuse, and why. */
export interface RefusedPolicyValue {
  value: unknown;
  reasons: readonly string[];
}

/**
 * The organisation's values the options page would refuse (page rules, presets): not used, and
 * why. Each is shown by `show` where it has a shape to show, else as the policy gives it.
 */
export function RefusedPolicyValues({
  refused,
  show,
}: {
  refused: readonly RefusedPolicyValue[];
  show?: (value: unknown) => ReactNode;
}) {
  if (refused.length === 0) return null;
  return (
    <div className="managed-rules managed-rules--refused">
      <h3>{i18n.t('policy.refusedRules')}</h3>
      <ul>
        {refused.map(({ value, reasons }, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the policy's list, fixed while the page is open
          <li key={index}>
            {show?.(value) ?? <code>{JSON.stringify(value)}</code>}
            <ul className="managed-rules__reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
