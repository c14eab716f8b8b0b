import { type ChangeEvent, type FormEvent, useMemo, useRef, useState } from 'react';
import type { z } from 'zod/mini';
import { firstMessagePerField } from '@/lib/field-errors';
import { useFocusAfterRender } from './use-focus-after-render';

type Values = Record<string, string>;
type ErrorsOf<T> = Partial<Record<keyof T & string, string>>;

/**
 * Form state for a form of text fields validated by a zod schema: the schema's first message per
 * field, shown from the first submit on and then kept live (not on blur: a message appearing on
 * blur shifts the layout under the pointer and swallows the click on the button); server messages
 * until the field changes; one submission at a time, even on a double click.
 */
export function useZodForm<T extends Values, Parsed>(
  schema: z.ZodMiniType<Parsed, T>,
  initialValues: T,
  /** Fields that count as the user's from the start (a restored draft). */
  typedFields: Iterable<keyof T & string> = [],
) {
  const [values, setValues] = useState<T>(initialValues);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ErrorsOf<T>>({});
  const [submitting, setSubmitting] = useState(false);
  const dirty = useRef(new Set<string>(typedFields));
  const inFlight = useRef(false);
  // A submit refused: the focus goes to the first field refused, once its message is drawn.
  const form = useRef<HTMLFormElement | null>(null);
  const setFocusAfterRender = useFocusAfterRender(form);

  // The schema is asked only once its messages show (from the first submit on) and at a submit:
  // not at the form's first render, which the popup waits for, nor at each keystroke before.
  const parsed = useMemo(
    () => (submitted ? schema.safeParse(values) : undefined),
    [schema, values, submitted],
  );
  const schemaErrors = useMemo(() => firstMessagePerField<keyof T & string>(parsed?.error), [parsed]);

  function error(field: keyof T & string): string | undefined {
    if (serverErrors[field]) return serverErrors[field];
    return submitted ? schemaErrors[field] : undefined;
  }

  function setValue(field: keyof T & string, value: string, typedByUser = false) {
    if (typedByUser) dirty.current.add(field);
    // The same state back when nothing changes: React then draws nothing again (a reading that
    // brings the values the form was first drawn with costs the popup no second drawing).
    setValues((previous) => (previous[field] === value ? previous : { ...previous, [field]: value }));
    setServerErrors((previous) =>
      previous[field] === undefined ? previous : { ...previous, [field]: undefined },
    );
  }

  /**
   * Props for an input, select or textarea bound to `field`. While a submission is on its way the
   * fields hold still: what it sends is what they showed, and an edit then would be lost with them
   * once it is done (a select has no read-only state: its changes are let go instead).
   */
  function field(name: keyof T & string) {
    return {
      name,
      value: values[name] ?? '',
      readOnly: submitting,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
        if (!inFlight.current) setValue(name, event.target.value, true);
      },
    };
  }

  function handleSubmit(onValid: (data: Parsed) => Promise<void>) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setSubmitted(true);
      const verdict = parsed ?? schema.safeParse(values);
      if (!verdict.success) {
        form.current = event.currentTarget;
        setFocusAfterRender('[aria-invalid="true"]');
        return;
      }
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      try {
        await onValid(verdict.data);
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
    };
  }

  return {
    values,
    field,
    error,
    setValue,
    /** Whether the user typed in the field (page readings never overwrite such a field). */
    isDirty: (name: keyof T & string) => dirty.current.has(name),
    /** The fields the user typed in: only they are work to keep, and no reading overwrites them. */
    typed: () => [...dirty.current] as (keyof T & string)[],
    setServerErrors: (errors: ErrorsOf<T>) => setServerErrors(errors),
    handleSubmit,
    submitting,
  };
}
