import { i18n } from '#i18n';
import type { RefusedPreset } from '@/lib/presets/policy';
import { type Preset, presetWorkspaceKey } from '@/lib/presets/preset';
import { RefusedPolicyValues } from './RefusedPolicyValues';

/** The organisation's presets: shown, never edited here (the policy wins, and is tried first). */
export function ManagedPresets({
  presets,
  refused,
}: {
  presets: readonly Preset[];
  refused: readonly RefusedPreset[];
}) {
  return (
    <>
      {presets.length > 0 && (
        <div className="managed-rules managed-presets">
          <h3>{i18n.t('presetsPage.managed')}</h3>
          <ul>
            {presets.map((preset) => (
              <li key={preset.id}>
                <ManagedPreset preset={preset} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* The organisation's presets the options page would refuse: not used, and why. */}
      <RefusedPolicyValues refused={refused} />
    </>
  );
}

function ManagedPreset({ preset }: { preset: Preset }) {
  const key = presetWorkspaceKey(preset);
  return (
    <>
      <strong>{preset.name}</strong>
      {' · '}
      {preset.urlPatterns.length > 0 ? (
        <code>{preset.urlPatterns.join(', ')}</code>
      ) : (
        <span className="muted">{i18n.t('presetsPage.handOnly')}</span>
      )}
      {key && ` · ${i18n.t('preset.goesTo', { key })}`}
    </>
  );
}
