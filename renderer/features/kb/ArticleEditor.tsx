import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/Toaster';
import { Field } from '../../components/Field';
import { PlusIcon, TrashIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { TagEditor } from '../../components/TagEditor';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import type { Article, ArticleDraft } from './kb-types';
import { MarkdownView } from './MarkdownView';

export type EditorMode =
  /** An editor creates an article. */
  | { kind: 'create' }
  /** An editor changes an article. */
  | { kind: 'edit'; article: Article }
  /** An agent proposes a new article, or a change to `proposalFor`. */
  | { kind: 'propose'; proposalFor: Article | null };

const URL_PATTERN = /^https?:\/\/\S+$/i;

/**
 * The article form: title, Markdown text with a preview, category, tags, visibility, language and
 * attachment metadata. Editors save a draft or publish; agents send a proposal for review.
 */
export function ArticleEditor({ mode, initial, onDone, onCancel }: { mode: EditorMode; initial: ArticleDraft; onDone: (article: Article) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [draft, setDraft] = useState<ArticleDraft>(initial);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [attachment, setAttachment] = useState({ name: '', url: '' });
  const [attachmentError, setAttachmentError] = useState<string | null>(null);
  const categories = useQuery({ ...trpc.kb.categories.queryOptions(), staleTime: 60_000 });
  const ids = { categories: useId(), tabs: useId() };

  const done = (article: Article, message: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
    notify(message);
    onDone(article);
  };
  const onError = (err: unknown) => setError(t(errorMessageKey(err)));
  const create = useMutation({ ...trpc.kb.create.mutationOptions(), onSuccess: (a) => done(a, t('kb.editor.saved')), onError });
  const update = useMutation({ ...trpc.kb.update.mutationOptions(), onSuccess: (a) => done(a, t('kb.editor.saved')), onError });
  const propose = useMutation({ ...trpc.kb.propose.mutationOptions(), onSuccess: (a) => done(a, t('kb.editor.proposed')), onError });
  const busy = create.isPending || update.isPending || propose.isPending;

  const set = <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (publish: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    if (!draft.title.trim()) {
      setTitleError(t('kb.editor.titleRequired'));
      return;
    }
    setTitleError(null);
    const article = { ...draft, title: draft.title.trim(), category: draft.category?.trim() || null };
    if (mode.kind === 'create') create.mutate({ article, status: publish ? 'published' : 'draft' });
    else if (mode.kind === 'edit') update.mutate({ id: mode.article.id, version: mode.article.version, article });
    else propose.mutate({ article, proposalFor: mode.proposalFor?.id ?? null });
  };

  const addAttachment = () => {
    const name = attachment.name.trim();
    const url = attachment.url.trim();
    if (!name) return;
    if (url && !URL_PATTERN.test(url)) {
      setAttachmentError(t('kb.editor.invalidUrl'));
      return;
    }
    setAttachmentError(null);
    set('attachments', [...draft.attachments, { name, contentType: 'application/octet-stream', size: 0, url: url || null }]);
    setAttachment({ name: '', url: '' });
  };

  return (
    <form className="kb-editor" onSubmit={submit(mode.kind === 'edit' ? false : mode.kind === 'create')} noValidate>
      {mode.kind === 'propose' ? <p className="alert alert--info">{t('kb.editor.proposeHint')}</p> : null}
      <Field label={t('kb.editor.title')} error={titleError}>
        {(p) => <input {...p} className="input" value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} disabled={busy} />}
      </Field>
      <div className="kb-editor__row">
        <Field label={t('kb.editor.category')} hint={t('kb.editor.categoryHint')}>
          {(p) => (
            <>
              <input {...p} className="input" list={ids.categories} value={draft.category ?? ''} maxLength={80} onChange={(e) => set('category', e.target.value)} disabled={busy} />
              <datalist id={ids.categories}>
                {(categories.data ?? []).map((c) => (
                  <option key={c.name} value={c.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('kb.editor.visibility')} hint={t(`kb.visibilityHint.${draft.visibility}`)}>
          {(p) => (
            <select {...p} className="select" value={draft.visibility} onChange={(e) => set('visibility', e.target.value as ArticleDraft['visibility'])} disabled={busy}>
              <option value="internal">{t('kb.visibility.internal')}</option>
              <option value="public">{t('kb.visibility.public')}</option>
            </select>
          )}
        </Field>
        <Field label={t('kb.editor.language')}>
          {(p) => (
            <select {...p} className="select" value={draft.language} onChange={(e) => set('language', e.target.value as ArticleDraft['language'])} disabled={busy}>
              <option value="pt-BR">{t('kb.language.pt-BR')}</option>
              <option value="en">{t('kb.language.en')}</option>
            </select>
          )}
        </Field>
      </div>
      <Field label={t('kb.editor.tags')}>{(p) => <TagEditor id={p.id} value={draft.tags} onChange={(tags) => set('tags', tags)} disabled={busy} />}</Field>

      <div className="kb-editor__body">
        <div className="kb-editor__tabs" role="tablist" aria-label={t('kb.editor.body')}>
          <button type="button" role="tab" id={`${ids.tabs}-write`} aria-selected={tab === 'write'} aria-controls={`${ids.tabs}-panel`} className="kb-tab" onClick={() => setTab('write')}>
            {t('kb.editor.write')}
          </button>
          <button type="button" role="tab" id={`${ids.tabs}-preview`} aria-selected={tab === 'preview'} aria-controls={`${ids.tabs}-panel`} className="kb-tab" onClick={() => setTab('preview')}>
            {t('kb.editor.preview')}
          </button>
        </div>
        <div id={`${ids.tabs}-panel`} role="tabpanel" aria-labelledby={`${ids.tabs}-${tab}`}>
          {tab === 'write' ? (
            <Field label={t('kb.editor.body')} hint={t('kb.editor.bodyHint')}>
              {(p) => <textarea {...p} className="input kb-editor__text" value={draft.body} rows={14} maxLength={200_000} onChange={(e) => set('body', e.target.value)} disabled={busy} />}
            </Field>
          ) : draft.body.trim() ? (
            <MarkdownView markdown={draft.body} className="kb-editor__preview" />
          ) : (
            <p className="muted">{t('kb.editor.previewEmpty')}</p>
          )}
        </div>
      </div>

      <fieldset className="kb-editor__attachments">
        <legend>{t('kb.editor.attachments')}</legend>
        <p className="field__hint">{t('kb.editor.attachmentsHint')}</p>
        {draft.attachments.length > 0 ? (
          <ul className="kb-attachments">
            {draft.attachments.map((a, i) => (
              <li key={`${a.name}-${i}`}>
                <span>{a.name}</span>
                {a.url ? <span className="muted">{a.url}</span> : null}
                <button
                  type="button"
                  className="button button--ghost button--xs"
                  aria-label={t('kb.editor.removeAttachment', { name: a.name })}
                  onClick={() => set('attachments', draft.attachments.filter((_, j) => j !== i))}
                  disabled={busy}
                >
                  <TrashIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="kb-editor__attachment-row">
          <Field label={t('kb.editor.attachmentName')}>
            {(p) => <input {...p} className="input" value={attachment.name} maxLength={255} onChange={(e) => setAttachment((x) => ({ ...x, name: e.target.value }))} disabled={busy} />}
          </Field>
          <Field label={t('kb.editor.attachmentUrl')} error={attachmentError}>
            {(p) => <input {...p} className="input" type="url" value={attachment.url} maxLength={2000} onChange={(e) => setAttachment((x) => ({ ...x, url: e.target.value }))} disabled={busy} />}
          </Field>
          <button type="button" className="button button--sm" onClick={addAttachment} disabled={busy || !attachment.name.trim()}>
            <PlusIcon size={14} />
            {t('kb.editor.addAttachment')}
          </button>
        </div>
      </fieldset>

      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="kb-editor__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('kb.editor.cancel')}
        </button>
        {mode.kind === 'create' ? (
          <>
            <button type="button" className="button" onClick={submit(false)} disabled={busy}>
              {t('kb.editor.saveDraft')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? <Spinner size={16} /> : null}
              {t('kb.editor.saveAndPublish')}
            </button>
          </>
        ) : mode.kind === 'edit' ? (
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <Spinner size={16} /> : null}
            {t('kb.editor.save')}
          </button>
        ) : (
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <Spinner size={16} /> : null}
            {t('kb.editor.sendProposal')}
          </button>
        )}
      </div>
    </form>
  );
}
