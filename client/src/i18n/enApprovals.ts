/** The approval workflow: guides' drafts, reviewing them, and the outcome the author sees. */
export const enApprovals = {
  submit: 'Submit for approval',
  approverSignature: 'by the approver',
  submitting: 'Submitting…',
  composerHint:
    'An agent or lead approves your reply before it is posted; it is then signed with their initials.',
  state: {
    pending: 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Rejected',
  },
  approvedBy: 'Approved by {{name}}',
  rejectedBy: 'Rejected by {{name}}',
  reason: 'Reason: {{reason}}',
  review: 'Review this draft',
  approve: 'Approve',
  approving: 'Approving…',
  editAndApprove: 'Edit & approve',
  editLabel: 'Reply text to approve',
  approveEdited: 'Approve edited reply',
  reject: 'Reject',
  rejecting: 'Rejecting…',
  reasonLabel: 'Why is it rejected? The author sees this.',
  confirmReject: 'Reject draft',
  cancel: 'Cancel',
  signedByApprover: 'Posted signed ^{{initials}} (yours) once you approve.',
  queue: {
    button: 'Drafts',
    count_one: '{{count}} draft awaiting approval',
    count_other: '{{count}} drafts awaiting approval',
    title: 'Drafts awaiting approval',
    loading: 'Loading drafts…',
    error: 'Could not load the drafts.',
    empty: 'No drafts are waiting for approval.',
    entry: '{{author}} to {{customer}}',
  },
  activity: {
    drafted: '{{actor}} wrote a draft for approval',
    approved: '{{actor}} approved the draft',
    approvedEdited: '{{actor}} edited and approved the draft',
    editedOnApproval: '{{actor}} edited the draft before approving it',
    rejected: '{{actor}} rejected the draft: {{reason}}',
  },
  notification: {
    approved: '{{actor}} approved your reply to {{customer}}',
    rejected: '{{actor}} rejected your reply to {{customer}}',
  },
};

export type ApprovalsTranslation = typeof enApprovals;
