import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorMessageKey } from '../../../../shared/i18n';
import { errorMessageKey } from '../../../lib/errors';
import type { IssueMap } from '../../automation/server-issues';
import { issueText, requestIssues } from './request-issues';

export interface FormIssuesOptions {
  /** Expected refusals that belong to one field (`errors.username_taken` → `username`), and the text to show there. */
  fields?: Partial<Record<ErrorMessageKey, { path: string; text?: string }>>;
  /** Maps a server path to the form's (`patch.extension` → `extension`). */
  rename?: (path: string) => string;
}

/**
 * Server-side refusals of an admin form, placed on its fields: zod issues by path (translated
 * where we know the message), expected domain refusals on the field they concern, anything else
 * as one form-level message. `failure` is the error key, so a form can offer more (reload on a
 * version conflict). After a refusal, focus goes to the first field marked invalid (else the
 * form's alert), so the keyboard and the screen reader land on what needs fixing.
 */
export function useFormIssues({ fields = {}, rename }: FormIssuesOptions = {}) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<IssueMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorMessageKey | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals === 0) return;
    const form = formRef.current;
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset)');
    const alert = form?.querySelector<HTMLElement>('[role="alert"]');
    if (!field && alert) alert.tabIndex = -1;
    (field ?? alert)?.focus();
  }, [refusals]);

  const reset = () => {
    setIssues({});
    setFormError(null);
    setFailure(null);
  };

  const onError = (err: unknown) => {
    const found = requestIssues(err);
    const key = errorMessageKey(err);
    const field = fields[key];
    setFailure(key);
    setRefusals((n) => n + 1);
    if (found) {
      // One line per field: its distinct messages (already sentences) joined with a space.
      const byPath = new Map<string, string[]>();
      for (const i of found) {
        const path = rename ? rename(i.path) : i.path;
        const text = issueText(t, i.message);
        const list = byPath.get(path) ?? [];
        if (!list.includes(text)) byPath.set(path, [...list, text]);
      }
      setIssues(Object.fromEntries([...byPath].map(([path, texts]) => [path, texts.join(' ')])));
      setFormError(t('automation.common.fixErrors'));
    } else if (field) {
      setIssues({ [field.path]: field.text ?? t(key) });
      setFormError(t('automation.common.fixErrors'));
    } else {
      setIssues({});
      setFormError(t(key));
    }
  };

  return { issues, formError, failure, reset, onError, formRef, err: (path: string) => issues[path] ?? null };
}
