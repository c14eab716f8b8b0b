import { useState } from 'react';
import { i18n } from '#i18n';
import { presetById } from '@/lib/presets/in-force';
import { presetForPage } from '@/lib/presets/matching';
import type { PresetInForce } from '@/lib/presets/preset';

/** undefined: the popup chooses; null: the user chose none; else the id the user chose. */
export type PresetChoice = string | null | undefined;

/**
 * Which preset fills the form, and why: the one the user chose here (kept in the draft), else the
 * one the right-click menu's item named, else the first whose pattern fits the page.
 */
export function usePresetChoice(
  presets: readonly PresetInForce[],
  fromMenu: string | undefined,
  fromDraft: PresetChoice,
  pageUrl: string | undefined,
) {
  // A menu item just chosen says more than an earlier draft's choice.
  const [choice, setChoice] = useState<PresetChoice>(fromMenu ? undefined : fromDraft);
  const chosen = choice === null ? undefined : presetById(presets, choice);
  const named = choice !== undefined ? undefined : presetById(presets, fromMenu);
  const matched = chosen || named || choice === null ? undefined : presetForPage(presets, pageUrl ?? '');
  const active = chosen ?? named ?? matched;
  const reason = chosen
    ? i18n.t('preset.chosenByHand', { name: chosen.preset.name })
    : named
      ? i18n.t('preset.chosenFromMenu', { name: named.preset.name })
      : matched && i18n.t('preset.matched', { name: matched.preset.name, pattern: matched.pattern });
  return { active, reason, choice, choose: setChoice };
}
