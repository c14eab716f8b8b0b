// The Dutch catalogue says everything the English one says, with the same placeholders, and the
// extension's own texts come from the catalogue in the browser's language.
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { menuTitle } from '@/lib/background/form-launcher';
import { toFailure } from '@/lib/failures';
import { formatDateTime, formatEuros, language } from '@/lib/locale';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import { useLanguage } from './i18n-setup';

type Parsed = Awaited<ReturnType<typeof parseMessagesFile>>;

function byKey(messages: Parsed): Map<string, Parsed[number]> {
  return new Map(messages.map((message) => [message.key.join('.'), message]));
}

function placeholders(message: Parsed[number]): string[] {
  const text = message.type === 'simple' ? message.message : JSON.stringify(message);
  return [...text.matchAll(/\{\w+\}|%s|\$\d/g)].map((match) => match[0]).sort();
}

const english = byKey(await parseMessagesFile('locales/en.yml'));
const dutch = byKey(await parseMessagesFile('locales/nl.yml'));

describe('locales', () => {
  it('has a Dutch text for every English one, and no Dutch text without an English one', () => {
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every placeholder the code fills in', () => {
    for (const [key, message] of english) {
      expect({ key, placeholders: placeholders(dutch.get(key) ?? message) }).toEqual({
        key,
        placeholders: placeholders(message),
      });
    }
  });

  it('translates every text but names and words Dutch shares with English', () => {
    const text = (message: Parsed[number] | undefined) => (message?.type === 'simple' ? message.message : '');
    const same = [...english]
      .filter(([key, message]) => !key.startsWith('@@') && text(message) === text(dutch.get(key)))
      .map(([key]) => key);
    expect(same.sort()).toEqual([
      'account.heading', // Account
      'extName', // BzCtrl Reporter
      'form.impact', // Impact
      'form.lrn', // LRN
      'form.status', // Status
      'item.lrn',
      'popup.incident', // incident
      'rules.managedLrn',
      'rules.resultLrn',
      'todoType.INCIDENT', // Incident
    ]);
  });
});

describe('texts in the browser’s language', () => {
  it('speaks English by default', () => {
    expect(language()).toBe('en');
    expect(menuTitle('INCIDENT')).toBe('Create BzCtrl incident for “%s”');
    expect(toFailure(new Error('boom')).message).toBe('Something went wrong: Error: boom');
  });

  it('speaks Dutch in a Dutch browser: menu, errors and rule checks', async () => {
    await useLanguage('nl');
    expect(language()).toBe('nl');
    expect(menuTitle('INCIDENT')).toBe('BzCtrl-incident maken voor “%s”');
    expect(menuTitle('TASK')).toBe('BzCtrl-taak maken voor “%s”');
    expect(toFailure(new Error('boom')).message).toBe('Er ging iets mis: Error: boom');
    expect(siteRuleErrors({ urlPattern: '', serviceOrder: { regex: '\\d+' } })).toEqual({
      urlPattern: expect.stringMatching(/^Vul de site in/),
      serviceOrderRegex: 'De reguliere expressie heeft een vanggroep ( ) rond de waarde nodig.',
    });
  });
});

describe('dates and amounts', () => {
  const noon = Date.UTC(2026, 10, 28, 11, 5);

  it('writes them as English does', () => {
    expect(formatEuros('1250.5')).toBe('€1,250.50');
    expect(formatDateTime(noon)).toMatch(/^Nov 28, 2026/);
  });

  it('writes them as Dutch does', async () => {
    await useLanguage('nl');
    expect(formatEuros('1250.5')).toBe('€\u00a01.250,50');
    expect(formatDateTime(noon)).toMatch(/^28 nov 2026/);
  });
});
