import { useEffect, useState } from 'react';

/** The routing screen, so a reload or a link opens it again. */
export const ROUTING_HASH = '#/routing';

export const isRoutingHash = (hash: string) => hash === ROUTING_HASH;

/** Whether the URL shows the routing screen, following links and the back button. */
export function useRoutingOpen(): boolean {
  const [open, setOpen] = useState(() => isRoutingHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setOpen(isRoutingHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return open;
}
