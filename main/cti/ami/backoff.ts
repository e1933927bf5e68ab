import type { AmiReconnectConfig } from './ami-config';

/**
 * Delay before reconnect attempt `attempt` (1-based): exponential, capped at `maxDelayMs`, minus
 * a random share of up to `jitter` so a floor of desktops restarted together spreads out.
 * `random` returns [0, 1) like Math.random; injected for tests.
 */
export function backoffDelay(attempt: number, config: AmiReconnectConfig, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const capped = Math.min(config.maxDelayMs, config.initialDelayMs * config.factor ** exponent);
  return Math.max(0, Math.round(capped * (1 - config.jitter * random())));
}
