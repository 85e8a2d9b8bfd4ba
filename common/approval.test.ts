import { mayApprove, requiresApproval } from './approval';

describe('approval policy', () => {
  it('needs approval for guides always and for trainees by their flag', () => {
    expect(requiresApproval({ role: 'guide', needsApproval: false })).toBe(true);
    expect(requiresApproval({ role: 'agent', needsApproval: true })).toBe(true);
    expect(requiresApproval({ role: 'agent', needsApproval: false })).toBe(false);
    expect(requiresApproval({ role: 'lead', needsApproval: false })).toBe(false);
  });

  it('lets agents, leads and admins approve others’ drafts, never guides, trainees or the author', () => {
    const draftBy = 'u-gina';
    for (const role of ['agent', 'lead', 'admin'] as const) {
      expect(mayApprove({ id: 'u-x', role, needsApproval: false }, draftBy)).toBe(true);
    }
    expect(mayApprove({ id: 'u-g2', role: 'guide', needsApproval: false }, draftBy)).toBe(false);
    expect(mayApprove({ id: 'u-t', role: 'agent', needsApproval: true }, draftBy)).toBe(false);
    expect(mayApprove({ id: 'u-ben', role: 'agent', needsApproval: false }, 'u-ben')).toBe(false);
  });
});
