import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from './icons/UiIcons';

export interface FilterOption {
  value: string;
  label: string;
  icon?: ReactNode;
}

/**
 * A filter button that opens a list of checkboxes (real inputs, so Space toggles and screen
 * readers say "checked"). Shows how many values are chosen; Escape or a click outside closes it.
 * `addLabel` adds a free-text box (tags), Enter adds what was typed.
 */
export function FilterMenu({
  label,
  options,
  selected,
  onChange,
  addLabel,
  emptyLabel,
}: {
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  addLabel?: string;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    panelRef.current?.querySelector<HTMLElement>('input')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const boxes = [...(panelRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
      const index = boxes.indexOf(document.activeElement as HTMLInputElement);
      if (index === -1 && boxes.length === 0) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(boxes.length - 1, index + 1) : Math.max(0, index - 1);
      boxes[next]?.focus();
    }
  };

  const known = new Set(options.map((o) => o.value));
  const extra: FilterOption[] = selected.filter((v) => !known.has(v)).map((value) => ({ value, label: value }));
  const all: FilterOption[] = [...options, ...extra];
  const first = all.find((o) => o.value === selected[0]);
  const summary = selected.length === 1 && first ? first.label : selected.length > 1 ? String(selected.length) : null;

  return (
    <div className="filter-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`filter-menu__button${selected.length > 0 ? ' filter-menu__button--active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((v) => !v)}
      >
        <span>{label}</span>
        {summary ? <span className="filter-menu__summary">{summary}</span> : null}
        <ChevronDownIcon size={14} />
      </button>
      {open ? (
        <div id={panelId} ref={panelRef} className="popover filter-menu__panel" role="group" aria-label={label} onKeyDown={onPanelKeyDown}>
          {addLabel ? (
            <form
              className="filter-menu__add"
              onSubmit={(event) => {
                event.preventDefault();
                const value = draft.trim().replace(/[\s,]+/g, '-');
                if (value && !selected.includes(value)) onChange([...selected, value]);
                setDraft('');
              }}
            >
              <input className="input input--sm" aria-label={addLabel} placeholder={addLabel} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={40} />
            </form>
          ) : null}
          {all.length === 0 && emptyLabel ? <p className="filter-menu__empty">{emptyLabel}</p> : null}
          <ul className="filter-menu__list">
            {all.map((option) => (
              <li key={option.value}>
                <label className="check">
                  <input type="checkbox" checked={selected.includes(option.value)} onChange={() => toggle(option.value)} />
                  {option.icon}
                  <span>{option.label}</span>
                </label>
              </li>
            ))}
          </ul>
          {selected.length > 0 ? (
            <div className="filter-menu__footer">
              <button type="button" className="button button--ghost button--sm" onClick={() => onChange([])}>
                {t('workspace.filters.clearOne')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
