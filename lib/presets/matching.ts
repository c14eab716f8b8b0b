/** Which preset a page gets: the first, the organisation's before the user's, with a pattern that fits. */
import { matchesUrlPattern } from '../page/url-patterns';
import type { PresetInForce } from './preset';

export interface PresetMatch extends PresetInForce {
  /** The pattern that fitted, for the form to say why this preset was chosen. */
  pattern: string;
}

/** Every preset whose patterns fit the page, in the order they are tried; the first is the one chosen. */
export function presetsForPage(presets: readonly PresetInForce[], url: string): PresetMatch[] {
  if (!url) return [];
  return presets.flatMap((inForce) => {
    const pattern = inForce.preset.urlPatterns.find((candidate) => matchesUrlPattern(candidate, url));
    return pattern === undefined ? [] : [{ ...inForce, pattern }];
  });
}

export function presetForPage(presets: readonly PresetInForce[], url: string): PresetMatch | undefined {
  return presetsForPage(presets, url)[0];
}
