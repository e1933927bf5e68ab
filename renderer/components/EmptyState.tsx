import type { ReactNode } from 'react';

/** The centred message of an empty, loading or failed screen region. */
export function EmptyState({
  icon,
  title,
  body,
  action,
  tone = 'neutral',
  role,
}: {
  icon?: ReactNode;
  title: string;
  body?: string;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`empty-state empty-state--${tone}`} role={role}>
      {icon ? <div className="empty-state__icon">{icon}</div> : null}
      <p className="empty-state__title">{title}</p>
      {body ? <p className="empty-state__body">{body}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
