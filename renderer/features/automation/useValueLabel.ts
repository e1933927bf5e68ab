import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/schemas/common';
import type { Priority, TicketStatus } from '../../../shared/schemas/ticket';
import { useAdminDirectory } from './useAdminDirectory';

/** A field's value as the admin reads it: translated enum, team/agent name, or the text itself. */
export function useValueLabel(): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  const directory = useAdminDirectory();
  return useCallback(
    function label(field: string, value: unknown): string {
      if (value === null || value === undefined || value === '') return t('automation.test.empty');
      if (Array.isArray(value)) return value.length === 0 ? t('automation.test.empty') : value.map((v) => label(field, v)).join(', ');
      const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
      if (field === 'status') return t(`status.${text as TicketStatus}`);
      if (field === 'priority') return t(`priority.${text as Priority}`);
      if (field === 'channel') return t(`channel.${text as Channel}`);
      if (field === 'team' || field === 'teamId') return directory.nameOf('team', text);
      if (field === 'assignee' || field === 'assigneeId') return directory.nameOf('user', text);
      return text;
    },
    [t, directory],
  );
}
