import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/schemas';
import { formatDateTime } from '../../../lib/format';
import { changeLines, entityHref } from './audit-format';

/** One audit event as a table row; every value is rendered as text. */
export function AuditRow({ event, actionLabel, entityLabel }: { event: AuditEvent; actionLabel: string; entityLabel: string }) {
  const { t, i18n } = useTranslation();
  const none = t('admin.common.none');
  const lines = changeLines(event.changes, none);
  const href = entityHref(event.entity, event.entityId);
  const system = event.actorId === null;
  return (
    <tr>
      <td className="aud-when">
        <time dateTime={event.at} title={event.at}>
          {formatDateTime(event.at, i18n.language)}
        </time>
      </td>
      <td className="aud-who">{system ? <span className="muted">{t('admin.audit.system')}</span> : event.actorName}</td>
      <td className="aud-action">
        <span className="aud-action__label">{actionLabel}</span>
        {actionLabel !== event.action ? <span className="aud-action__raw mono">{event.action}</span> : null}
      </td>
      <td className="aud-entity">
        <span className="aud-entity__type">{entityLabel}</span>
        {event.entityId ? (
          href ? (
            <a className="aud-entity__id mono" href={href}>
              {event.entityId}
            </a>
          ) : (
            <span className="aud-entity__id mono">{event.entityId}</span>
          )
        ) : null}
      </td>
      <td className="data-table__grow aud-changes">
        {lines.length === 0 ? (
          <span className="muted">{none}</span>
        ) : (
          <ul className="aud-changes__list">
            {lines.map((line) => (
              <li key={line} title={line}>
                {line}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="aud-reason">{event.reason ?? <span className="muted">{none}</span>}</td>
    </tr>
  );
}
