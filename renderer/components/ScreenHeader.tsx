import type { ReactNode } from 'react';

/** Title row of a screen: the h1, a line of context, and the screen's actions on the right. */
export function ScreenHeader({ title, subtitle, meta, actions }: { title: string; subtitle?: string; meta?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <div className="screen-header__text">
        <div className="screen-header__title-row">
          <h1 id="screen-title" className="screen-header__title" tabIndex={-1}>
            {title}
          </h1>
          {meta}
        </div>
        {subtitle ? <p className="screen-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="screen-header__actions">{actions}</div> : null}
    </header>
  );
}
