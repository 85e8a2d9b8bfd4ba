import type { PresenceReport } from '../../../common/types';
import {
  createPresenceReporter,
  PRESENCE_HEARTBEAT_MS,
  TYPING_IDLE_MS,
  TYPING_REFRESH_MS,
} from './presenceReporter';

describe('createPresenceReporter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const start = () => {
    const sent: PresenceReport[] = [];
    const reporter = createPresenceReporter((report) => sent.push(report));
    return { sent, reporter };
  };

  it('reports a change of conversation once and ignores keystrokes without one', () => {
    const { sent, reporter } = start();
    reporter.keystroke();
    expect(sent).toEqual([]);
    reporter.setConversation('c1');
    reporter.setConversation('c1');
    expect(sent).toEqual([{ conversationId: 'c1', typing: false }]);
    reporter.dispose();
  });

  it('reports typing on the first key, refreshes it while keys keep coming, and stops after a pause', () => {
    const { sent, reporter } = start();
    reporter.setConversation('c1');
    reporter.keystroke();
    expect(sent.at(-1)).toEqual({ conversationId: 'c1', typing: true });
    const afterStart = sent.length;
    for (let i = 0; i < 10; i++) {
      jest.advanceTimersByTime(TYPING_REFRESH_MS / 2);
      reporter.keystroke();
    }
    // Five refreshes in ten half-intervals, not one report per key.
    expect(sent.length - afterStart).toBe(5);
    expect(sent.slice(afterStart).every((r) => r.typing)).toBe(true);
    jest.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent.at(-1)).toEqual({ conversationId: 'c1', typing: false });
    reporter.dispose();
  });

  it('stops typing when asked and when the conversation changes', () => {
    const { sent, reporter } = start();
    reporter.setConversation('c1');
    reporter.keystroke();
    reporter.stopTyping();
    expect(sent.at(-1)).toEqual({ conversationId: 'c1', typing: false });
    reporter.keystroke();
    reporter.setConversation('c2');
    expect(sent.at(-1)).toEqual({ conversationId: 'c2', typing: false });
    const count = sent.length;
    jest.advanceTimersByTime(TYPING_IDLE_MS * 2);
    // No stale "stopped typing" for c1 fires after the switch.
    expect(sent.slice(count).filter((r) => r.conversationId === 'c1')).toEqual([]);
    reporter.dispose();
  });

  it('sends a heartbeat with the current state until disposed', () => {
    const { sent, reporter } = start();
    reporter.setConversation('c1');
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 2);
    expect(sent).toHaveLength(3);
    reporter.dispose();
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 2);
    expect(sent).toHaveLength(3);
  });
});
