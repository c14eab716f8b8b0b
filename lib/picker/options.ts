import type { Field } from '../page/types';

/** What the worker tells the page picker when it injects it (as globalThis.bzctrlPicker). */
export interface InjectedPickerOptions {
  /** The picking session's random id, which the picker sends back with what it picked. */
  session: string;
  field: Field;
}
