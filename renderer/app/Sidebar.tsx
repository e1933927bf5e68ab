import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { lastQueueAddress } from '../features/queue/useQueueFilter';
import { hrefFor } from './hash-route';
import type { AppRoute } from './routes';

/** The left navigation: one link per screen the role opens, with its Alt+n shortcut. */
export function Sidebar({ routes, activeId, version }: { routes: AppRoute[]; activeId: string; version: string | null }) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <BrandMark name={t('app.name')} />
      </div>
      <nav className="sidebar__nav" aria-label={t('nav.label')}>
        <ul>
          {routes.map((route, index) => {
            const active = route.id === activeId;
            const shortcut = `Alt+${index + 1}`;
            return (
              <li key={route.id}>
                <a
                  className={`nav-item${active ? ' nav-item--active' : ''}`}
                  // The queue link returns to the queue as it was left (its filter).
                  href={route.id === 'queue' ? lastQueueAddress() : hrefFor(route.id)}
                  aria-current={active ? 'page' : undefined}
                  aria-keyshortcuts={shortcut}
                  title={`${t(`nav.${route.id}`)} (${shortcut})`}
                >
                  <route.Icon size={20} />
                  <span className="nav-item__label">{t(`nav.${route.id}`)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {version ? (
        <div className="sidebar__footer">
          {t('app.name')} {version}
        </div>
      ) : null}
    </aside>
  );
}
