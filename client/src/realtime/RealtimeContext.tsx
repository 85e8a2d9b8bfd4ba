import { createContext, type ReactNode, useContext } from 'react';
import type { PresenceReporter } from './presenceReporter';
import type { RealtimeStatus } from './useRealtime';

export interface RealtimeLink {
  status: RealtimeStatus;
  reporter: PresenceReporter;
}

const noop = () => {};
/** Outside the signed-in inbox (component tests, login screen) presence reports go nowhere. */
const offline: RealtimeLink = {
  status: 'offline',
  reporter: { setConversation: noop, keystroke: noop, stopTyping: noop, resend: noop, dispose: noop },
};

const RealtimeContext = createContext<RealtimeLink>(offline);

export function RealtimeProvider({ value, children }: { value: RealtimeLink; children: ReactNode }) {
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeLink(): RealtimeLink {
  return useContext(RealtimeContext);
}
