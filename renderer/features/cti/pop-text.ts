/* Texts about a screen pop outside the panel: the screen-reader announcement and the browser notification. */
import type { TFunction } from 'i18next';
import type { ScreenPop } from './call-state';
import { formatCaller } from './cti-format';

/** What a screen reader hears when the phone rings. */
export function popAnnouncement(pop: ScreenPop, t: TFunction): string {
  const caller = formatCaller(pop.ani) ?? t('cti.caller.unknown');
  const only = pop.view;
  const who = only
    ? t('cti.announce.who.one', { name: only.customer.name, tickets: t('cti.notifications.openTickets', { count: only.stats.openTickets }) })
    : pop.matches.length > 1
      ? t('cti.announce.who.several', { count: pop.matches.length })
      : t('cti.announce.who.none');
  return pop.queue ? t('cti.announce.ringingQueue', { caller, queue: pop.queue, who }) : t('cti.announce.ringing', { caller, who });
}

/** Title and body of the browser notification. */
export function popNotice(pop: ScreenPop, t: TFunction): { title: string; body: string } {
  const number = formatCaller(pop.ani) ?? t('cti.caller.unknown');
  const title = t('cti.notifications.title', { caller: pop.view?.customer.name ?? number });
  const parts = [
    pop.view ? number : null,
    pop.queue ? t('cti.notifications.queue', { queue: pop.queue }) : null,
    pop.view
      ? t('cti.notifications.openTickets', { count: pop.view.stats.openTickets })
      : pop.matches.length > 1
        ? t('cti.notifications.several', { count: pop.matches.length })
        : t('cti.notifications.unknown'),
  ];
  return { title, body: parts.filter(Boolean).join(' · ') };
}
