import { useTranslation } from 'react-i18next';
import { formatDuration } from '../kpi-format';
import { secondsSince, type WallboardSnapshot } from './useWallboard';

type Agent = WallboardSnapshot['agents'][number];
type AgentState = Agent['state'];

export const STATE_ORDER: readonly AgentState[] = ['available', 'in_call', 'wrap_up', 'paused', 'offline'];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.[0] ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''}`.toUpperCase();
}

/** How many agents are in each state, as a legend with a proportional bar. */
export function AgentSummary({ snapshot }: { snapshot: WallboardSnapshot }) {
  const { t } = useTranslation();
  const counts = snapshot.agentCounts;
  const signedIn = snapshot.agents.length - counts.offline;
  return (
    <section className="sv-panel" aria-labelledby="sv-agents-summary-title">
      <h2 id="sv-agents-summary-title" className="sv-panel__title">
        {t('supervisor.agents.title')}
        <span className="sv-panel__meta">{t('supervisor.agents.logged', { count: signedIn })}</span>
      </h2>
      <div className="sv-statebar" aria-hidden="true">
        {STATE_ORDER.filter((s) => s !== 'offline' && counts[s] > 0).map((s) => (
          <span key={s} className={`sv-statebar__part sv-state-bg--${s}`} style={{ flexGrow: counts[s] }} />
        ))}
      </div>
      <ul className="sv-state-legend">
        {STATE_ORDER.map((s) => (
          <li key={s} className="sv-state-legend__item">
            <span className={`sv-dot sv-state-bg--${s}`} aria-hidden="true" />
            <span className="sv-state-legend__label">{t(`agentState.${s}`)}</span>
            <span className="sv-state-legend__count" data-testid={`agents-${s}`}>
              {counts[s]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AgentCard({ agent, nowMs, size }: { agent: Agent; nowMs: number; size: 'md' | 'tv' }) {
  const { t } = useTranslation();
  const reason = agent.state === 'paused' && agent.pauseReason ? t(`supervisor.pauseReason.${agent.pauseReason}`) : null;
  return (
    <li className={`sv-agent sv-agent--${agent.state} sv-agent--${size}`}>
      <span className={`sv-agent__avatar sv-state-bg--${agent.state}`} aria-hidden="true">
        {initials(agent.name)}
      </span>
      <span className="sv-agent__text">
        <span className="sv-agent__name">{agent.name}</span>
        <span className="sv-agent__state">
          <span className={`sv-agent__state-label sv-state-fg--${agent.state}`}>{t(`agentState.${agent.state}`)}</span>
          {reason ? <span className="sv-agent__reason"> · {reason}</span> : null}
        </span>
      </span>
      <span className="sv-agent__time" title={t('supervisor.agents.inState', { time: formatDuration(secondsSince(agent.since, nowMs)) })}>
        {formatDuration(secondsSince(agent.since, nowMs))}
      </span>
    </li>
  );
}

/** Every agent with their state and time in it (ticking); signed-out agents folded away. */
export function AgentBoard({ snapshot, nowMs, size = 'md' }: { snapshot: WallboardSnapshot; nowMs: number; size?: 'md' | 'tv' }) {
  const { t } = useTranslation();
  const working = snapshot.agents.filter((a) => a.state !== 'offline');
  const offline = snapshot.agents.filter((a) => a.state === 'offline');
  if (snapshot.agents.length === 0) return <p className="sv-panel__empty">{t('supervisor.agents.none')}</p>;
  return (
    <div className="sv-agents">
      <ul className={`sv-agent-grid sv-agent-grid--${size}`} aria-label={t('supervisor.agents.listLabel')}>
        {working.map((a) => (
          <AgentCard key={a.id} agent={a} nowMs={nowMs} size={size} />
        ))}
      </ul>
      {offline.length > 0 && size === 'md' ? (
        <details className="sv-offline">
          <summary>{t('supervisor.agents.offlineGroup', { count: offline.length })}</summary>
          <ul className="sv-agent-grid sv-agent-grid--md">
            {offline.map((a) => (
              <AgentCard key={a.id} agent={a} nowMs={nowMs} size={size} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
