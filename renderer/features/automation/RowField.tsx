import { useId, type ReactNode } from 'react';

/** A compact labelled control for the rule rows (label above, `for` the control: not wrapped, so its name is the label alone). */
export function RowField({ label, className, children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`rule-row__field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
