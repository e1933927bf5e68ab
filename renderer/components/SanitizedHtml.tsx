import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sanitizeEmailHtml } from '../lib/sanitize-html';

/**
 * An e-mail's HTML body, sanitized (renderer/lib/sanitize-html.ts) before it touches the DOM.
 * The only `dangerouslySetInnerHTML` in the app, and only with DOMPurify's output.
 */
export function SanitizedHtml({ html }: { html: string }) {
  const { t } = useTranslation();
  const clean = useMemo(() => sanitizeEmailHtml(html), [html]);
  return (
    <>
      <div className="email-html" dangerouslySetInnerHTML={{ __html: clean.html }} />
      {clean.blockedImages > 0 ? <p className="email-html__note">{t('workspace.timeline.blockedImages', { count: clean.blockedImages })}</p> : null}
    </>
  );
}
