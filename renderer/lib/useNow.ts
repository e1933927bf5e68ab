import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs`: keeps "há 5 min." and SLA colours fresh. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
