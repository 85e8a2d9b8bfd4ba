/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApprovalDto, MessageDto } from '../../../../common/types';
import { renderDom } from '../../testing/renderDom';
import { ThreadMessage } from '../inbox/ThreadMessage';
import { makeMessage } from '../inbox/testFixtures';
import type { DraftReviewer } from './DraftReview';

const GINA = 'u-gina';
const anna: DraftReviewer = { userId: 'u-anna', initials: 'AB', mayReview: true };

function draft(approval: Partial<ApprovalDto> = {}, overrides: Partial<MessageDto> = {}): MessageDto {
  return makeMessage({
    id: 'd1',
    direction: 'outbound',
    text: 'Bitte Router neu starten',
    authorName: 'Gina Rossi',
    authorHandle: null,
    authorUserId: GINA,
    externalId: null,
    externalUrl: null,
    deliveryState: 'draft',
    approval: { state: 'pending', byUserId: null, byName: null, at: null, reason: null, ...approval },
    ...overrides,
  });
}

function setup(message: MessageDto, reviewer: DraftReviewer | null, language: 'en' | 'de' = 'en') {
  const fetchMock = jest.fn(async (_url: string, init?: RequestInit) => ({
    ok: true,
    status: 202,
    statusText: 'Accepted',
    text: async () =>
      JSON.stringify({
        message: { ...message, ...(init?.body ? { deliveryState: 'queued' } : {}) },
      }),
  }));
  global.fetch = fetchMock as unknown as typeof fetch;
  renderDom(<ThreadMessage message={message} platform="x" reviewer={reviewer} />, language);
  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([url, init]) => ({ url, body: JSON.parse(String(init?.body ?? '{}')) }));
  return { posts };
}

describe('DraftReview in the thread', () => {
  it('shows a pending draft as awaiting approval, without a delivery badge', () => {
    setup(draft(), anna);
    expect(screen.getByTestId('approval-state')).toHaveTextContent('Awaiting approval');
    expect(screen.queryByTestId('delivery-state')).toBeNull();
  });

  it('approves as written with one click', async () => {
    const user = userEvent.setup();
    const { posts } = setup(draft(), anna);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(posts()).toEqual([{ url: '/api/messages/d1/approve', body: {} }]));
  });

  it('edits and approves: the textarea starts with the draft, says whose signature goes on, and sends the edit', async () => {
    const user = userEvent.setup();
    const { posts } = setup(draft(), anna);
    await user.click(screen.getByRole('button', { name: 'Edit & approve' }));
    const box = screen.getByLabelText('Reply text to approve');
    expect(box).toHaveValue('Bitte Router neu starten');
    expect(box).toHaveFocus();
    expect(screen.getByText('Posted signed ^AB (yours) once you approve.')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'Bitte starte deinen Router neu.');
    await user.click(screen.getByRole('button', { name: 'Approve edited reply' }));
    await waitFor(() =>
      expect(posts()).toEqual([
        { url: '/api/messages/d1/approve', body: { text: 'Bitte starte deinen Router neu.' } },
      ]),
    );
  });

  it('rejects only with a reason, and Escape backs out without sending', async () => {
    const user = userEvent.setup();
    const { posts } = setup(draft(), anna);
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const confirm = screen.getByRole('button', { name: 'Reject draft' });
    expect(confirm).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Reject draft' })).toBeNull();
    expect(posts()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await user.type(screen.getByLabelText('Why is it rejected? The author sees this.'), 'Zu knapp');
    await user.click(screen.getByRole('button', { name: 'Reject draft' }));
    await waitFor(() =>
      expect(posts()).toEqual([{ url: '/api/messages/d1/reject', body: { reason: 'Zu knapp' } }]),
    );
  });

  it('is keyboard reachable: the review actions are a labelled group reached by Tab', async () => {
    const user = userEvent.setup();
    setup(draft(), anna);
    expect(screen.getByRole('group', { name: 'Review this draft' })).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Edit & approve' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Reply text to approve')).toHaveFocus();
  });

  it('offers no review actions to the author, to a guide, or on a decided draft', () => {
    setup(draft(), { userId: GINA, initials: 'GR', mayReview: true });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    document.body.innerHTML = '';
    setup(draft(), { userId: 'u-other-guide', initials: 'OG', mayReview: false });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    document.body.innerHTML = '';
    setup(draft({ state: 'approved', byName: 'Lea Schmidt' }, { deliveryState: 'sent' }), anna);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('shows the author the outcome: approved by whom, or rejected by whom and why', () => {
    setup(draft({ state: 'approved', byName: 'Lea Schmidt' }, { deliveryState: 'sent' }), null);
    expect(screen.getByTestId('approval-state')).toHaveTextContent('Approved');
    expect(screen.getByText('Approved by Lea Schmidt')).toBeInTheDocument();
    expect(screen.getByTestId('delivery-state')).toHaveTextContent('sent');
    document.body.innerHTML = '';
    setup(draft({ state: 'rejected', byName: 'Anna Berger', reason: 'Bitte freundlicher' }), null);
    expect(screen.getByTestId('approval-state')).toHaveTextContent('Rejected');
    expect(screen.getByText('Rejected by Anna Berger')).toBeInTheDocument();
    expect(screen.getByTestId('approval-reason')).toHaveTextContent('Reason: Bitte freundlicher');
  });

  it('speaks German', () => {
    setup(draft(), anna, 'de');
    expect(screen.getByTestId('approval-state')).toHaveTextContent('Wartet auf Freigabe');
    expect(screen.getByRole('button', { name: 'Bearbeiten & freigeben' })).toBeInTheDocument();
  });

  it('shows nothing for a reply that never needed approval', () => {
    setup(makeMessage({ direction: 'outbound', deliveryState: 'sent', approval: null }), anna);
    expect(screen.queryByTestId('draft-approval')).toBeNull();
  });
});
