import type { ReactNode } from 'react';
import { ScreenHeader } from './ScreenHeader';

/** A screen that later work fills in: its real title, and a sentence about what will be there. */
export function PlaceholderScreen({ title, body, badge, icon }: { title: string; body: string; badge: string; icon: ReactNode }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title={title} />
      <div className="placeholder">
        <div className="placeholder__icon">{icon}</div>
        <span className="placeholder__badge">{badge}</span>
        <p className="placeholder__body">{body}</p>
      </div>
    </section>
  );
}
