import { useId, type ReactNode } from 'react';
import { AlertIcon } from './icons/UiIcons';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled form control with an optional hint and its own error message (read with the control). */
export function Field({
  label,
  hint,
  error,
  children,
  className,
  id: fixedId,
}: {
  /** A stable id for the control (to focus it from elsewhere); generated when absent. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (props: FieldControlProps) => ReactNode;
  className?: string;
}) {
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <AlertIcon size={14} />
          {error}
        </p>
      ) : null}
    </div>
  );
}
