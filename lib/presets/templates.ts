/**
 * Preset templates: a title or description with placeholders in braces, filled from the page when
 * the form opens. Only the names below are placeholders; any other `{word}` is a mistake the
 * options page points out (a typo would otherwise reach BzCtrl as it was typed).
 */

export const PLACEHOLDERS = ['serviceOrder', 'lrn', 'pageTitle', 'date'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

/** `{name}`: letters only, so that braces in ordinary text (`{ }`, `{1,2}`) are left alone. */
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
/** What looks meant as one (`{service_order}`, `{ lrn }`, `{page-title}`): refused unless it is one. */
const PLACEHOLDER_LIKE = /\{\s*([A-Za-z][\w.-]*)\s*\}/g;

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);

/** The `{names}` in the text that are not placeholders, each once, as written. */
export function unknownPlaceholders(template: string): string[] {
  const written = [...template.matchAll(PLACEHOLDER_LIKE)].map((match) => match[0]);
  const unknown = written.filter((text) => !isPlaceholder(text.slice(1, -1)));
  return [...new Set(unknown.map((text) => text.slice(1, -1).trim()))];
}

/** The text with each placeholder replaced by its value (an empty one where the page gave none). */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** Today as `YYYY-MM-DD` in the operator's own time zone: unambiguous in every language. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
