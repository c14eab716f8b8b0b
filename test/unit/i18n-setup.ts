// The fake browser has no i18n: serve browser.i18n from the real catalogues in locales/, English
// unless a test asks for another language (useLanguage), as the browser does for its UI language.
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Catalogue = Record<string, { message: string }>;
const catalogues = new Map<string, Catalogue>();

export async function catalogue(language: string): Promise<Catalogue> {
  let messages = catalogues.get(language);
  if (!messages) {
    messages = generateChromeMessages(await parseMessagesFile(`locales/${language}.yml`));
    catalogues.set(language, messages);
  }
  return messages;
}

let language = 'en';
let messages = await catalogue('en');
const english = messages;

/** Chrome's getMessage: `$1`…`$9` are the substitutions, `$$` a dollar sign; unknown names give "". */
function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const text = messages[name]?.message ?? english[name]?.message ?? '';
  return text.replace(/\$(\$|\d)/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

Object.assign(fakeBrowser.i18n, {
  getMessage,
  getUILanguage: () => language,
});

/** The browser's UI language for this test (back to English after it). */
export async function useLanguage(next: string): Promise<void> {
  language = next;
  messages = await catalogue(next);
}

afterEach(() => {
  language = 'en';
  messages = english;
});
