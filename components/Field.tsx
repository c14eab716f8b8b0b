import type { ReactElement, ReactNode } from 'react';
import { cloneElement, useId } from 'react';

interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** A small control beside the label (Pick). */
  action?: ReactNode;
  /** The one control this label names; it gets the id, and the error as its description. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}

/** A labelled control with its error right under it, announced by screen readers. */
export function Field({ label, error, hint, action, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      {action ? (
        <span className="field__label-row">
          <label htmlFor={id}>{label}</label>
          {action}
        </span>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <small id={hintId} className="field__hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field__error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
