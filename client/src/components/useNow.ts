import { useEffect, useState } from 'react';

/** Current time in ms, re-rendering the caller every `intervalMs`; used for live "waiting for" labels. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
