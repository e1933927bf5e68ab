import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useSession } from '../auth/useSession';
import { ArticleEditor } from './ArticleEditor';
import { isEditor, type Article } from './kb-types';

/**
 * "Create article from this ticket": the editor prefilled with the ticket's subject, the customer's
 * problem and the resolving reply. Editors save the article; agents send it as a proposal.
 */
export function ArticleFromTicketDialog({ ticketId, onClose, onCreated }: { ticketId: string; onClose: () => void; onCreated?: (article: Article) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const { user } = useSession();
  const editor = isEditor(user.role);
  const draft = useQuery({ ...trpc.kb.draftFromTicket.queryOptions({ ticketId, language }), staleTime: 0 });
  return (
    <Dialog title={editor ? t('kb.suggestions.createArticle') : t('kb.suggestions.proposeFromTicket')} onClose={onClose} size="lg">
      <div className="dialog__body">
        {draft.isPending ? (
          <EmptyState role="status" icon={<Spinner size={22} />} title={t('app.loading')} />
        ) : draft.isError ? (
          <EmptyState tone="danger" role="alert" title={t(errorMessageKey(draft.error))} />
        ) : (
          <ArticleEditor
            mode={editor ? { kind: 'create' } : { kind: 'propose', proposalFor: null }}
            initial={{ ...draft.data, visibility: 'internal', attachments: [] }}
            onDone={(a) => {
              onCreated?.(a);
              onClose();
            }}
            onCancel={onClose}
          />
        )}
      </div>
    </Dialog>
  );
}
