/**
 * Value formats: what a service order number and an LRN look like, and the look-alikes (dates,
 * phone numbers, container numbers, MRNs) that pass for one but are not.
 */
import type { Field } from './types';

/** Longer than any value we take: longer text is dropped whole, never cut into a value. */
const MAX_TEXT_LENGTH = 64;

/**
 * Page text is data: control characters stripped, white space folded. Text longer than any value
 * we take is dropped whole rather than cut into something that would pass for a value.
 */
export function cleanText(text: string | null | undefined): string {
  const clean = (text ?? '')
    .slice(0, MAX_TEXT_LENGTH * 4)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= MAX_TEXT_LENGTH ? clean : '';
}

/** 3–20 characters, at least one digit, letters, `-` and `/` inside: 777, SO-2024-0042, 4500123456. */
const SERVICE_ORDER_FORMAT = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9/-]{1,18}[A-Za-z0-9]$/;
/** "SO 777", "SO-777", "SO#777": the number is the value; "SO-2024-0042" stays whole. */
const SERVICE_ORDER_PREFIX = /^SO\s*[-#:]?\s*(?=\d+$)/;
/** EU LRN: up to 22 letters and digits. Always has a digit, which keeps words out. */
const LRN_FORMAT = /^(?=[^\d]*\d)[A-Za-z0-9]{1,22}$/;

const DATE_SHAPE = /^(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{1,2}[-/]\d{4})$/;
const PHONE_SHAPE = /^0\d{1,3}[-/]\d{6,8}$/;
/** ISO 6346: owner code, category U/J/Z, serial, check digit (MSCU1234565, MSCU 123456 5). */
const CONTAINER_SHAPE = /^[A-Z]{3}[UJZ][\s-]?\d{6}[\s-]?\d$/i;
/** MRN: year, country, 13 characters, check character (24BE000000123456J7). */
const MRN_SHAPE = /^\d{2}[A-Z]{2}[A-Z0-9]{14}$/i;

/** The service order number in `text`, or "" when it is not one (or only looks like one). */
export function serviceOrderValue(text: string | null | undefined): string {
  const value = bareValue(text).replace(SERVICE_ORDER_PREFIX, '');
  if (!SERVICE_ORDER_FORMAT.test(value)) return '';
  const lookAlike = DATE_SHAPE.test(value) || PHONE_SHAPE.test(value) || isContainerNumber(value);
  return lookAlike || MRN_SHAPE.test(value) ? '' : value;
}

/** The LRN in `text`, upper-cased, or "" when it is not one (or is an MRN or container number). */
export function lrnValue(text: string | null | undefined): string {
  const value = bareValue(text).toUpperCase();
  if (!LRN_FORMAT.test(value) || isContainerNumber(value)) return '';
  // An LRN may be 18 characters too: only a valid MRN check character gives an MRN away.
  return MRN_SHAPE.test(value) && hasIso6346CheckDigit(value) ? '' : value;
}

/**
 * The text without the marks around a value: brackets, quotes, a copy icon beside it ("7770142 ⧉",
 * "(7770142)", "“7770142”"). Letters and digits are never taken off.
 */
function bareValue(text: string | null | undefined): string {
  return cleanText(text).replace(/^[^\p{L}\p{N}/-]+|[^\p{L}\p{N}/-]+$/gu, '');
}

export function valueFor(field: Field, text: string | null | undefined): string {
  return field === 'serviceOrder' ? serviceOrderValue(text) : lrnValue(text);
}

function isContainerNumber(text: string): boolean {
  return CONTAINER_SHAPE.test(text);
}

/**
 * ISO 6346 check digit, which containers and MRNs share: letters count 10–38 skipping multiples
 * of 11, each character weighs 2^position, the sum modulo 11 (10 counts as 0) is the last character.
 */
export function hasIso6346CheckDigit(code: string): boolean {
  const characters = code.toUpperCase();
  let sum = 0;
  for (let position = 0; position < characters.length - 1; position++) {
    sum += characterValue(characters.charCodeAt(position)) * 2 ** position;
  }
  return String((sum % 11) % 10) === characters.at(-1);
}

function characterValue(code: number): number {
  if (code < 65) return code - 48;
  const letterValue = code - 65 + 10;
  return letterValue + Math.floor((letterValue - 1) / 10);
}
