/**
 * The language the extension speaks, and dates and amounts as that language writes them. The
 * browser picks the texts by its UI language; dates and numbers follow the texts, so they agree.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

/** The browser's UI language ("nl-BE") when the texts are in it, else the texts' own ("en"). */
export function language(): string {
  const texts = i18n.t('lang');
  const ui = browser.i18n.getUILanguage();
  return ui.toLowerCase().split('-')[0] === texts ? ui : texts;
}

/** Tells the page (and so screen readers and spell checkers) which language it is in. */
export function setPageLanguage(): void {
  document.documentElement.lang = language();
}

/** "28 Nov 2026, 10:58" / "28 nov 2026, 10:58". */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "10:58:03". */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(language(), { timeStyle: 'medium' }).format(epochMs);
}

/** An amount as BzCtrl takes it ("1250.50") as the user reads it: "€1,250.50" / "€ 1.250,50". */
export function formatEuros(amount: string): string {
  return new Intl.NumberFormat(language(), { style: 'currency', currency: 'EUR' }).format(Number(amount));
}

/** "2 hours ago" / "2 uur geleden": how long ago `epochMs` was, in the largest unit that fits. */
export function formatRelativeTime(epochMs: number, now = Date.now()): string {
  const seconds = Math.round((epochMs - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(language(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return i18n.t('time.justNow');
}
