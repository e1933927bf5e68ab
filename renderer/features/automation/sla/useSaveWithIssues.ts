import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../lib/errors';
import { badRequestMessage, issueMap, parseServerIssues, type IssueMap } from '../server-issues';

/** Per-field server issues and a form-level message for an admin dialog's save. */
export function useSaveIssues() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<IssueMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    issues,
    formError,
    reset: () => {
      setIssues({});
      setFormError(null);
    },
    onError: (err: unknown) => {
      const message = badRequestMessage(err);
      if (message === null) {
        setFormError(t(errorMessageKey(err)));
        return;
      }
      setIssues(issueMap(parseServerIssues(message)));
      setFormError(t('automation.common.fixErrors'));
    },
  };
}
