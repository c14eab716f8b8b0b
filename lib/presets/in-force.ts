/** The presets in force: the organisation's (by policy, locked) first, then the user's own. */
import { readPolicy } from '../settings';
import { type PresetInForce, presetsItem } from './preset';

export async function loadPresets(): Promise<PresetInForce[]> {
  const [own, policy] = await Promise.all([presetsItem.getValue(), readPolicy()]);
  // The policy's checks load only where an organisation sets presets at all.
  const managed =
    policy.presets === undefined ? [] : (await import('./policy')).policyPresets(policy).presets;
  return [
    ...managed.map((preset) => ({ preset, managed: true })),
    ...own.map((preset) => ({ preset, managed: false })),
  ];
}

/** A preset by its id (a menu item's or a draft's), or undefined when it is gone. */
export function presetById(
  presets: readonly PresetInForce[],
  id: string | undefined,
): PresetInForce | undefined {
  return id === undefined ? undefined : presets.find(({ preset }) => preset.id === id);
}
