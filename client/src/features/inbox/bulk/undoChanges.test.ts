import type { BulkResult, ConversationState } from '../../../../../common/types';
import { undoChangesFor, undoRequestFor } from './undoChanges';

const state = (over: Partial<ConversationState> = {}): ConversationState => ({
  assigneeId: null,
  teamId: null,
  status: 'open',
  priority: 'normal',
  tags: [],
  snoozedUntil: null,
  ...over,
});

describe('undoChangesFor', () => {
  it('reverts only the fields that moved', () => {
    expect(
      undoChangesFor(state({ tags: ['a', 'b'] }), state({ tags: ['b', 'a'], status: 'resolved' })),
    ).toEqual({
      status: 'open',
    });
    expect(undoChangesFor(state(), state({ assigneeId: 'u1', priority: 'high' }))).toEqual({
      assigneeId: null,
      priority: 'normal',
    });
    expect(undoChangesFor(state(), state())).toEqual({});
  });

  it('brings "new" back as "open", which cannot be set again', () => {
    expect(undoChangesFor(state({ status: 'new' }), state({ status: 'resolved' }))).toEqual({
      status: 'open',
    });
  });
});

describe('undoRequestFor', () => {
  it('restores each changed conversation to its own previous values, guarded by version, and skips failures', () => {
    const results: BulkResult[] = [
      { id: 'a', ok: true, version: 5, before: state({ status: 'new', tags: ['x'] }) },
      { id: 'b', ok: true, version: 9, before: state({ status: 'pending', tags: [] }) },
      { id: 'c', ok: false, error: { code: 'not_found', message: 'gone' } },
    ];
    expect(undoRequestFor(results, { status: 'resolved', addTags: ['bulk'] })).toEqual({
      operations: [
        { id: 'a', expectVersion: 5, changes: { status: 'open', tags: ['x'] } },
        { id: 'b', expectVersion: 9, changes: { status: 'pending', tags: [] } },
      ],
    });
    expect(undoRequestFor([results[2]!], { status: 'resolved' })).toBeNull();
  });
});
