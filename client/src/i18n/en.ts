/** English strings; the source of truth for the shape every other language must match. */
export const en = {
  app: { name: 'Caredesk', loading: 'Loading…' },
  header: {
    language: 'Language',
    logout: 'Log out',
    realtime: { connecting: 'Connecting…', live: 'Live', offline: 'Reconnecting…' },
  },
  login: {
    title: 'Sign in',
    subtitle: 'Social customer service inbox',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    invalid: 'Wrong email or password.',
  },
  tabs: { label: 'Conversation status', open: 'Open', pending: 'Pending', resolved: 'Resolved' },
  status: { new: 'New', open: 'Open', pending: 'Pending', resolved: 'Resolved' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  platform: { x: 'X', facebook: 'Facebook' },
  list: {
    loading: 'Loading conversations…',
    empty: 'No conversations here.',
    error: 'Could not load conversations.',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    unassigned: 'Unassigned',
    waitingSince: 'Waiting since {{time}}',
    lastMessageAt: 'Last customer message {{time}}',
  },
  conversation: {
    empty: 'Select a conversation on the left.',
    loading: 'Loading conversation…',
    notFound: 'This conversation does not exist or is not visible to you.',
    error: 'Could not load the conversation.',
    via: 'via @{{handle}}',
    assignee: 'Assignee: {{name}}',
    resolve: 'Resolve',
    resolving: 'Resolving…',
    resolved: 'Resolved',
    reopen: 'Reopen',
    noMessages: 'No messages yet.',
  },
  message: {
    note: 'Internal note',
    retry: 'Retry',
    retrying: 'Retrying…',
    deliveryFailed: 'Delivery failed.',
  },
  // English labels equal the raw states on purpose: they are short and match what tests and logs say.
  delivery: { queued: 'queued', sending: 'sending', sent: 'sent', failed: 'failed' },
  composer: {
    label: 'Public reply',
    placeholder: 'Write a public reply… (Ctrl+Enter to send)',
    send: 'Send',
    sending: 'Sending…',
    signature: 'Signed {{signature}}, posted publicly by @{{handle}}',
    overLimit: '{{count}} over the limit',
    counterTitle: 'Weighted length including your signature, as counted by X',
  },
  errors: {
    network: 'No connection to the server. Check your network and try again.',
    unknown: 'Something went wrong. Please try again.',
    tryAgain: 'Try again',
  },
};

/** Shape of a complete translation, derived from English so a missing German key fails the typecheck. */
export type Translation = typeof en;
