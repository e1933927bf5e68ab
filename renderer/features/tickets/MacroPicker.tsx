import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/Spinner';
import type { RouterOutputs } from '../../lib/trpc';
import { filterMacros } from './ticket-search';

export type Macro = RouterOutputs['macros']['list'][number];

/**
 * A searchable list of macros (ARIA combobox + listbox): type to narrow, ↑/↓ to move, Enter to
 * insert, Escape to go back to the message.
 */
export function MacroPicker({
  macros,
  loading,
  onPick,
  onClose,
  describe,
}: {
  macros: readonly Macro[];
  loading: boolean;
  onPick: (macro: Macro) => void;
  onClose: () => void;
  describe: (macro: Macro) => string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const results = useMemo(() => filterMacros(macros, query), [macros, query]);
  const current = results[Math.min(active, results.length - 1)];

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="popover macro-picker" ref={rootRef}>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t('workspace.macros.search')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="input input--sm"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-${current.id}` : undefined}
        placeholder={t('workspace.macros.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {loading ? (
        <p className="macro-picker__empty">
          <Spinner size={14} /> {t('app.loading')}
        </p>
      ) : results.length === 0 ? (
        <p className="macro-picker__empty">{t('workspace.macros.noMatch')}</p>
      ) : null}
      <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={t('workspace.macros.listLabel')} className="macro-picker__list">
        {results.map((macro, index) => (
          <li
            key={macro.id}
            id={`${id}-${macro.id}`}
            role="option"
            aria-selected={macro === current}
            className="macro-option"
            onPointerMove={() => setActive(index)}
            onClick={() => onPick(macro)}
          >
            <span className="macro-option__name">{macro.name}</span>
            <span className="macro-option__actions">{describe(macro)}</span>
            <span className="macro-option__body">{macro.body}</span>
          </li>
        ))}
      </ul>
      <p className="macro-picker__hint">{t('workspace.macros.pickerHint')}</p>
    </div>
  );
}
