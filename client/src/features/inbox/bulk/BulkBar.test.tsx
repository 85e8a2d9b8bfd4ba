/** @jest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BulkResponse, UserDto } from '../../../../../common/types';
import { renderDom } from '../../../testing/renderDom';
import { BulkBar } from './BulkBar';
import { UndoToast, useUndo } from './UndoToast';
import { undoStore } from './undoStore';

const ben: UserDto = {
  id: 'u2',
  email: 'ben@x',
  name: 'Ben',
  initials: 'BO',
  role: 'agent',
  locale: 'en',
  timeZone: 'UTC',
};
const before = {
  assigneeId: null,
  teamId: null,
  status: 'new' as const,
  priority: 'normal' as const,
  tags: [],
  snoozedUntil: null,
};

function mockServer(answer: (body: { operations: Array<{ id: string }> }) => BulkResponse) {
  const posts: unknown[] = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST' && url === '/api/conversations/bulk') {
      const body = JSON.parse(String(init.body));
      posts.push(body);
      return { ok: true, status: 200, statusText: 'OK', text: async () => JSON.stringify(answer(body)) };
    }
    return { ok: true, status: 200, statusText: 'OK', text: async () => '{"teams":[]}' };
  }) as unknown as typeof fetch;
  return posts;
}

function Harness({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const undo = useUndo();
  return (
    <>
      <BulkBar selectedIds={ids} user={ben} onClear={onClear} />
      <UndoToast undo={undo} />
    </>
  );
}

describe('BulkBar and undo', () => {
  afterEach(() => {
    const entry = undoStore.peek();
    if (entry) act(() => undoStore.dismiss(entry.id));
  });

  it('resolves every selected conversation, offers undo, and undo restores each one guarded by its version', async () => {
    const user = userEvent.setup();
    const posts = mockServer((body) => ({
      results: body.operations.map((op, i) => ({ id: op.id, ok: true as const, version: 10 + i, before })),
    }));
    const onClear = jest.fn();
    renderDom(<Harness ids={['a', 'b']} onClear={onClear} />);
    expect(screen.getByRole('toolbar', { name: 'Bulk actions' })).toHaveTextContent('2 selected');

    await user.click(screen.getByTestId('bulk-resolve'));
    await waitFor(() => expect(onClear).toHaveBeenCalled());
    expect(posts[0]).toEqual({
      operations: [
        { id: 'a', changes: { status: 'resolved' } },
        { id: 'b', changes: { status: 'resolved' } },
      ],
    });
    expect(await screen.findByTestId('undo-toast')).toHaveTextContent('2 conversations changed');

    await user.click(screen.getByTestId('undo-button'));
    await screen.findByText('Undone.');
    expect(posts[1]).toEqual({
      operations: [
        { id: 'a', expectVersion: 10, changes: { status: 'open' } },
        { id: 'b', expectVersion: 11, changes: { status: 'open' } },
      ],
    });
  });

  it('says which conversations it could not change and keeps them selected', async () => {
    const user = userEvent.setup();
    mockServer(() => ({
      results: [
        { id: 'a', ok: true, version: 3, before },
        { id: 'b', ok: false, error: { code: 'not_found', message: 'Conversation not found' } },
      ],
    }));
    const onClear = jest.fn();
    renderDom(<Harness ids={['a', 'b']} onClear={onClear} />);
    await user.click(screen.getByTestId('bulk-add-tag'));
    await user.type(screen.getByTestId('bulk-tag-input'), 'Rechnung{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('1 of 2 not changed: Conversation not found');
    expect(onClear).not.toHaveBeenCalled();
  });
});
