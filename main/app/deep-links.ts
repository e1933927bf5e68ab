import { parseCtiLink, type CtiLink } from '../cti/links';
import type { Logger } from '../server/logger';

/** Links kept while the core starts (a cold start from a tel: link delivers it before `ready`). */
const MAX_PENDING = 10;

export interface DeepLinks {
  /** Links from the OS (argv, second instance, macOS open-url): parsed, validated, delivered. */
  receive(urls: readonly string[]): void;
  /** Starts delivering (pending links first); returns the function that stops it. */
  connect(deliver: (link: CtiLink) => void): () => void;
}

/**
 * Links come from outside the app (browser, e-mail, other programs): each is parsed by
 * `parseCtiLink` and only a valid one goes on. Logs say what kind of link arrived, never the
 * number or id in it (personal data).
 */
export function createDeepLinks(log: Logger): DeepLinks {
  let deliver: ((link: CtiLink) => void) | null = null;
  const pending: CtiLink[] = [];
  return {
    receive(urls) {
      for (const url of urls) {
        const parsed = parseCtiLink(url);
        if (!parsed.ok) {
          log.warn('link refused', { reason: parsed.reason });
          continue;
        }
        log.info('link received', { kind: parsed.link.kind });
        if (deliver) deliver(parsed.link);
        else if (pending.length < MAX_PENDING) pending.push(parsed.link);
        else log.warn('link dropped: too many before start-up', { kind: parsed.link.kind });
      }
    },
    connect(fn) {
      deliver = fn;
      for (const link of pending.splice(0)) fn(link);
      return () => {
        if (deliver === fn) deliver = null;
      };
    },
  };
}
