import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import type { ScreenPop } from './call-state';
import { initials } from './cti-format';

type Match = ScreenPop['matches'][number];

/** Several customers share the caller's number (a family, a company line): the agent picks who is calling. */
export function CustomerChooser({ matches, onChoose }: { matches: Match[]; onChoose: (customerId: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="call-panel__body">
      <div className="call-chooser">
        <h3 id="call-chooser-title" className="call-chooser__title">
          {t('cti.chooser.title', { count: matches.length })}
        </h3>
        <p className="call-chooser__hint">{t('cti.chooser.hint')}</p>
        <ul className="call-chooser__list" aria-label={t('cti.chooser.listLabel')}>
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className="call-choice" onClick={() => onChoose(m.id)}>
                <span className="avatar" aria-hidden="true">
                  {initials(m.name)}
                </span>
                <span className="call-choice__main">
                  <span className="call-choice__name">{m.name}</span>
                  <span className="call-choice__meta">
                    {m.cpfMasked ? <span className="mono">{m.cpfMasked}</span> : <span>{t('cti.chooser.noCpf')}</span>}
                    {m.phones.length > 0 ? <span>{m.phones.map(formatPhoneBr).join(', ')}</span> : null}
                  </span>
                  {m.tags.length > 0 ? <span className="call-choice__tags">{m.tags.slice(0, 3).join(' · ')}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
