import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../shared/schemas/ticket';
import { useToast } from '../../app/Toaster';
import { BoltIcon, CloseIcon, LockIcon, NoteIcon, SendIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { isModKey } from '../../lib/keyboard';
import { canMoveTo, statusOptions } from '../../lib/ticket-status';
import { useTRPC } from '../../lib/trpc';
import { MacroPicker, type Macro } from './MacroPicker';
import type { Ticket } from './useTicket';

type Kind = 'reply' | 'note';

export interface ComposerHandle {
  focus(kind?: Kind): void;
  /** Puts text at the cursor (a suggestion, an article) for the agent to edit before sending. */
  insert(text: string): void;
}

interface Draft {
  body: string;
  kind: Kind;
  macro: Macro | null;
  statusAfter: TicketStatus | '';
}

/** Unsent text per ticket, kept while the agent looks at other tickets (this window only). */
const drafts = new Map<string, Draft>();
const emptyDraft = (): Draft => ({ body: '', kind: 'reply', macro: null, statusAfter: '' });

/** "Status → Resolvido · +estorno": what a macro changes when the message goes out. */
export function useDescribeMacro() {
  const { t } = useTranslation();
  return useCallback(
    (macro: Macro) => {
      const parts: string[] = [];
      if (macro.actions.status) parts.push(t('workspace.macros.setsStatus', { status: t(`status.${macro.actions.status}`) }));
      if (macro.actions.priority) parts.push(t('workspace.macros.setsPriority', { priority: t(`priority.${macro.actions.priority}`) }));
      for (const tag of macro.actions.addTags) parts.push(`+${tag}`);
      for (const tag of macro.actions.removeTags) parts.push(`−${tag}`);
      return parts.length > 0 ? parts.join(' · ') : t('workspace.macros.noActions');
    },
    [t],
  );
}

/**
 * The reply box: reply to the customer or internal note, a macro picker (Ctrl+M, or "/" in an
 * empty box), and send with Ctrl+Enter — optionally setting the status in the same step. A
 * macro's field changes travel with the message (`macroId`); the status it sets shows in the
 * status menu, where the agent can still change it.
 */
export function Composer({ ticket, handleRef, onSent, onError }: { ticket: Ticket; handleRef: Ref<ComposerHandle>; onSent: (ticket: Ticket) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useDescribeMacro();
  const [draft, setDraftState] = useState<Draft>(() => drafts.get(ticket.id) ?? emptyDraft());
  const [picking, setPicking] = useState(false);
  const [inserting, setInserting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = { text: useId(), status: useId(), hint: useId() };
  const macros = useQuery({ ...trpc.macros.list.queryOptions(), staleTime: 60_000 });
  const closed = ticket.status === 'closed';

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) =>
      setDraftState((d) => {
        const next = update(d);
        drafts.set(ticket.id, next);
        return next;
      }),
    [ticket.id],
  );

  useImperativeHandle(handleRef, () => ({
    focus(kind) {
      if (kind) setDraft((d) => ({ ...d, kind }));
      textRef.current?.focus();
    },
    insert(text) {
      const el = textRef.current;
      setDraft((d) => {
        const start = el?.selectionStart ?? d.body.length;
        const end = el?.selectionEnd ?? d.body.length;
        const before = d.body.slice(0, start);
        const gap = before && !before.endsWith('\n') ? '\n\n' : '';
        return { ...d, body: before + gap + text + d.body.slice(end) };
      });
      requestAnimationFrame(() => textRef.current?.focus());
    },
  }));

  // Ctrl+M opens the macros from anywhere on the ticket screen.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isModKey(event, 'm', event.key) || closed) return;
      if ((event.target as HTMLElement | null)?.closest?.('dialog[open]')) return;
      event.preventDefault();
      setPicking(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closed]);

  const send = useMutation({
    ...trpc.tickets.addMessage.mutationOptions(),
    onSuccess: (saved, input) => {
      drafts.delete(ticket.id);
      setDraftState(emptyDraft());
      notify(input.kind === 'note' ? t('workspace.composer.noteAdded') : t('workspace.composer.replySent'));
      onSent(saved);
    },
    onError: (err) => {
      setError(errorMessageKey(err) === 'errors.version_conflict' ? null : t(errorMessageKey(err)));
      onError(err);
    },
  });

  const pick = async (macro: Macro) => {
    setPicking(false);
    setInserting(true);
    setError(null);
    try {
      const rendered = await queryClient.fetchQuery(trpc.macros.render.queryOptions({ macroId: macro.id, ticketId: ticket.id }, { staleTime: 0 }));
      const el = textRef.current;
      setDraft((d) => {
        const start = el?.selectionStart ?? d.body.length;
        const end = el?.selectionEnd ?? d.body.length;
        const body = d.body.slice(0, start) + rendered.body + d.body.slice(end);
        const status = macro.actions.status && canMoveTo(ticket.status, macro.actions.status) && macro.actions.status !== ticket.status ? macro.actions.status : d.statusAfter;
        return { ...d, body, macro, statusAfter: status };
      });
    } catch (err) {
      setError(t(errorMessageKey(err)));
    } finally {
      setInserting(false);
      requestAnimationFrame(() => textRef.current?.focus());
    }
  };

  const submit = (statusOverride?: TicketStatus) => {
    if (send.isPending || closed) return;
    const body = draft.body.trim();
    if (!body) {
      setError(t('workspace.composer.empty'));
      textRef.current?.focus();
      return;
    }
    setError(null);
    const setStatus = statusOverride ?? (draft.statusAfter || undefined);
    send.mutate({
      id: ticket.id,
      version: ticket.version,
      kind: draft.kind,
      body,
      ...(setStatus ? { setStatus } : {}),
      ...(draft.macro ? { macroId: draft.macro.id } : {}),
    });
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      submit(event.shiftKey && canMoveTo(ticket.status, 'solved') ? 'solved' : undefined);
    } else if (event.key === '/' && draft.body === '' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      setPicking(true);
    }
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const targets = statusOptions(ticket.status).filter((s) => s !== ticket.status);
  const note = draft.kind === 'note';
  const activeMacros = (macros.data ?? []).filter((m) => m.active);

  if (closed) {
    return (
      <div className="composer composer--closed">
        <LockIcon size={16} />
        {t('workspace.composer.closed')}
      </div>
    );
  }

  return (
    <form className={`composer${note ? ' composer--note' : ''}`} onSubmit={onFormSubmit} aria-label={t('workspace.composer.label')}>
      <div className="composer__toolbar">
        <div className="segmented" role="group" aria-label={t('workspace.composer.kind')}>
          <button type="button" className="segmented__item segmented__item--wide" aria-pressed={!note} onClick={() => setDraft((d) => ({ ...d, kind: 'reply' }))}>
            {t('workspace.composer.reply')}
          </button>
          <button type="button" className="segmented__item segmented__item--wide" aria-pressed={note} onClick={() => setDraft((d) => ({ ...d, kind: 'note' }))}>
            <NoteIcon size={14} />
            {t('workspace.composer.note')}
          </button>
        </div>
        <div className="composer__macro">
          <button type="button" className="button button--sm" aria-haspopup="listbox" aria-expanded={picking} aria-keyshortcuts="Control+M" onClick={() => setPicking((v) => !v)} disabled={inserting}>
            {inserting ? <Spinner size={14} /> : <BoltIcon size={14} />}
            {t('workspace.composer.macros')}
            <kbd className="kbd-hint">{t('workspace.composer.macrosKey')}</kbd>
          </button>
          {picking ? <MacroPicker macros={activeMacros} loading={macros.isPending} onPick={(m) => void pick(m)} onClose={() => setPicking(false)} describe={describe} /> : null}
        </div>
        {note ? (
          <span className="composer__note-hint">
            <LockIcon size={14} />
            {t('workspace.composer.noteHint')}
          </span>
        ) : null}
      </div>
      {draft.macro ? (
        <div className="macro-chip">
          <BoltIcon size={14} />
          <span>
            <strong>{draft.macro.name}</strong> · {describe(draft.macro)}
          </span>
          <button
            type="button"
            className="tag__remove"
            aria-label={t('workspace.composer.removeMacro', { name: draft.macro.name })}
            title={t('workspace.composer.removeMacro', { name: draft.macro.name })}
            onClick={() => setDraft((d) => ({ ...d, macro: null, statusAfter: '' }))}
          >
            <CloseIcon size={12} />
          </button>
        </div>
      ) : null}
      <label className="visually-hidden" htmlFor={ids.text}>
        {note ? t('workspace.composer.noteLabel') : t('workspace.composer.replyLabel')}
      </label>
      <textarea
        ref={textRef}
        id={ids.text}
        className="composer__text"
        value={draft.body}
        onChange={(e) => {
          const body = e.target.value;
          setDraft((d) => ({ ...d, body }));
        }}
        onKeyDown={onTextKeyDown}
        placeholder={note ? t('workspace.composer.notePlaceholder') : t('workspace.composer.replyPlaceholder')}
        aria-describedby={ids.hint}
        aria-invalid={error ? true : undefined}
        rows={3}
        maxLength={100_000}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer__footer">
        <p id={ids.hint} className="composer__hint">
          {t('workspace.composer.hint')}
        </p>
        <label className="composer__status-label" htmlFor={ids.status}>
          {t('workspace.composer.statusAfter')}
        </label>
        <select id={ids.status} className="select select--sm" value={draft.statusAfter} onChange={(e) => setDraft((d) => ({ ...d, statusAfter: e.target.value as TicketStatus | '' }))}>
          <option value="">{t('workspace.composer.keepStatus', { status: t(`status.${ticket.status}`) })}</option>
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className={`button ${note ? 'button--note' : 'button--primary'}`} disabled={send.isPending} aria-keyshortcuts="Control+Enter">
          {send.isPending ? <Spinner size={16} /> : <SendIcon size={16} />}
          {draft.statusAfter
            ? t(note ? 'workspace.composer.addNoteAndSet' : 'workspace.composer.sendAndSet', { status: t(`status.${draft.statusAfter}`) })
            : note
              ? t('workspace.composer.addNote')
              : t('workspace.composer.send')}
        </button>
      </div>
    </form>
  );
}
