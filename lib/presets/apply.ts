/**
 * A preset in the form: the fields it sets, filled from the page. The form applies these to every
 * field the user has not typed in, when it opens, when the preset is switched and when Service order
 * or LRN change (the templates name them); what the user typed stays.
 */
import { i18n } from '#i18n';
import type { ReportField, ReportForm } from '../bzctrl/report-form';
import { MAX_URL_LENGTH } from '../page/url-limits';
import type { Preset } from './preset';
import { fillTemplate, localDate } from './templates';

/** The form's fields a preset sets. Service order, LRN, Assignee and Reporter are never a preset's. */
export const PRESET_FORM_FIELDS = [
  'todoType',
  'title',
  'description',
  'category',
  'subCategory',
  'status',
  'priority',
  'impact',
  'likelihood',
] as const satisfies readonly ReportField[];
export type PresetFormField = (typeof PRESET_FORM_FIELDS)[number];

/** The page the form is about, as far as a preset and the origin line use it. */
export interface PageOrigin {
  url: string;
  title: string;
}

const MAX_TITLE_LENGTH = 300;
const MAX_ORIGIN_URL_LENGTH = 500;
/** The form's own limits (lib/bzctrl/schema.ts): a filled template is cut to them. */
const FIELD_LIMITS = { title: 255, description: 10_000 } as const;

/**
 * The page's address as the origin line names it: without a user name or password, without the
 * fragment (neither says which page it was), and cut short.
 */
export function originUrl(url: string): string {
  let address: URL;
  try {
    address = new URL(url.slice(0, MAX_URL_LENGTH));
  } catch {
    return '';
  }
  address.username = '';
  address.password = '';
  address.hash = '';
  return address.href.slice(0, MAX_ORIGIN_URL_LENGTH);
}

/** "Reported from: <page title> — <page URL>": the one line of the page that goes with the item. */
export function originLine(page: PageOrigin): string {
  const title = page.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
  const url = originUrl(page.url);
  return title ? i18n.t('preset.reportedFrom', { title, url }) : i18n.t('preset.reportedFromUrl', { url });
}

export interface PresetContext {
  /** The form as it starts without a preset: the default type and status, blank levels. */
  blank: ReportForm;
  /** Service order and LRN as they stand in the form now. */
  orderID: string;
  lrn: string;
  page: PageOrigin | undefined;
  /** Whether the description gets the origin line (a setting, on by default). */
  withOrigin: boolean;
  today?: string;
}

/** What the preset (or none) puts in each field it sets. */
export function presetFormValues(
  preset: Preset | undefined,
  context: PresetContext,
): Pick<ReportForm, PresetFormField> {
  const { blank } = context;
  const fill = (template: string) =>
    fillTemplate(template, {
      serviceOrder: context.orderID.trim(),
      lrn: context.lrn.trim(),
      pageTitle: context.page?.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH) ?? '',
      date: context.today ?? localDate(),
    });
  const origin = context.withOrigin && context.page?.url ? originLine(context.page) : '';
  const described = fill(preset?.description ?? '').slice(0, FIELD_LIMITS.description - origin.length - 2);
  const description = [described, origin].filter(Boolean).join('\n\n');
  return {
    todoType: preset?.todoType || blank.todoType,
    title: fill(preset?.title ?? '').slice(0, FIELD_LIMITS.title),
    description,
    category: preset?.category ?? blank.category,
    subCategory: preset?.subCategory ?? blank.subCategory,
    status: preset?.status || blank.status,
    priority: preset?.priority || blank.priority,
    impact: preset?.impact || blank.impact,
    likelihood: preset?.likelihood || blank.likelihood,
  };
}

/** Fields that only one type shows: typed in, they fix the type (a switch would hide them). */
const FIELDS_OF_ONE_TYPE: readonly ReportField[] = ['result', 'financialImpact', 'impact', 'likelihood'];

/** The preset's fields that it may change now: not those typed in, nor the type once a field of one type is. */
export function fieldsToFill(isTyped: (field: ReportField) => boolean): PresetFormField[] {
  const typeFixed = FIELDS_OF_ONE_TYPE.some(isTyped);
  return PRESET_FORM_FIELDS.filter((field) => !isTyped(field) && !(field === 'todoType' && typeFixed));
}

/** The values with the preset's in each field the user has not typed in. */
export function withPreset(
  values: ReportForm,
  fromPreset: Pick<ReportForm, PresetFormField>,
  typed: readonly ReportField[],
): ReportForm {
  const next = { ...values };
  for (const field of fieldsToFill((field) => typed.includes(field))) {
    Object.assign(next, { [field]: fromPreset[field] });
  }
  return next;
}
