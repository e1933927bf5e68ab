import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type WallboardSnapshot = RouterOutputs['wallboard']['snapshot'];

/** No push for this long means the link is down: the server pushes at least every second. */
const STALE_AFTER_MS = 2_500;

/**
 * The live floor: the server pushes a fresh snapshot after every change and at least once a
 * second. `serverNow()` is the server's clock as estimated from the last push, so times in state
 * and waits tick locally between pushes without drifting with a wrong workstation clock.
 */
export function useWallboard() {
  const trpc = useTRPC();
  const [state, setState] = useState<{ snapshot: WallboardSnapshot; offsetMs: number; receivedAt: number } | null>(null);
  const subscription = useSubscription(
    trpc.wallboard.onUpdate.subscriptionOptions(undefined, {
      onData: (snapshot) => {
        const receivedAt = Date.now();
        setState({ snapshot, offsetMs: Date.parse(snapshot.generatedAt) - receivedAt, receivedAt });
      },
    }),
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const offsetMs = state?.offsetMs ?? 0;
  const serverNow = useCallback(() => now + offsetMs, [now, offsetMs]);
  const stale = state !== null && now - state.receivedAt > STALE_AFTER_MS;
  return {
    snapshot: state?.snapshot ?? null,
    /** The server's time now (epoch ms), re-read every second. */
    nowMs: now + offsetMs,
    serverNow,
    stale,
    status: subscription.status,
    error: subscription.error,
  };
}

/** Whole seconds from an ISO instant to `nowMs` (never negative). */
export function secondsSince(iso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 1000));
}
