import type { PresenceReport } from '../../../common/types';

/** A tab re-reports its presence this often, so the server knows it is still there. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/** While keys keep coming, "typing" is refreshed this often (others drop it after 10 s of silence). */
export const TYPING_REFRESH_MS = 4_000;
/** This long after the last keystroke the agent no longer counts as typing. */
export const TYPING_IDLE_MS = 6_000;

export interface PresenceReporter {
  /** The conversation this tab now shows (null: none). */
  setConversation(conversationId: string | null): void;
  /** The agent pressed a key in the reply box. */
  keystroke(): void;
  /** The reply was sent or the box emptied: no longer typing. */
  stopTyping(): void;
  /** Sends the current state again (after a reconnect). */
  resend(): void;
  dispose(): void;
}

interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Turns what the agent does into few presence reports: one when the shown conversation changes, one
 * when typing starts or stops, a refresh every few seconds while typing continues, and a heartbeat.
 */
export function createPresenceReporter(
  send: (report: PresenceReport) => void,
  clock: Clock = realClock,
): PresenceReporter {
  let state: PresenceReport = { conversationId: null, typing: false };
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let idleTimer: unknown = null;

  const report = () => {
    lastSentAt = clock.now();
    send({ ...state });
  };
  const clearIdle = () => {
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    idleTimer = null;
  };
  const stopTyping = () => {
    clearIdle();
    if (!state.typing) return;
    state = { ...state, typing: false };
    report();
  };
  const heartbeat = clock.setInterval(report, PRESENCE_HEARTBEAT_MS);

  return {
    setConversation(conversationId) {
      if (conversationId === state.conversationId) return;
      clearIdle();
      state = { conversationId, typing: false };
      report();
    },
    keystroke() {
      if (state.conversationId === null) return;
      clearIdle();
      idleTimer = clock.setTimeout(stopTyping, TYPING_IDLE_MS);
      if (!state.typing) {
        state = { ...state, typing: true };
        report();
      } else if (clock.now() - lastSentAt >= TYPING_REFRESH_MS) {
        report();
      }
    },
    stopTyping,
    resend: report,
    dispose() {
      clearIdle();
      clock.clearInterval(heartbeat);
    },
  };
}
