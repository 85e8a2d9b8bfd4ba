/** What the Page did through the API, for tests and the demo: GET /_sim/facebook/page-activity. */

export type PageActivityType = 'comment_reply' | 'private_reply' | 'message' | 'hide' | 'unhide' | 'delete';

export interface PageActivity {
  type: PageActivityType;
  /**
   * What the action was done to: the comment (or post) replied to, hidden, unhidden or deleted; the comment
   * (or visitor post) a private reply answered; the conversation a message went to.
   */
  object_id: string;
  /** What the action created: the new comment's id or the message id. */
  result_id?: string;
  text?: string;
  /** A comment reply's image, as the Page sent it (Graph fetches it from there). */
  attachment_url?: string;
  messaging_type?: string;
  tag?: string;
  /** PSID of the person a private reply or message went to. */
  recipient?: string;
  created_time: string;
}

export class PageActivityLog {
  private entries: PageActivity[] = [];

  record(entry: Omit<PageActivity, 'created_time'>, at: number): void {
    this.entries.push({ ...entry, created_time: new Date(at).toISOString() });
  }

  newestFirst(): PageActivity[] {
    return [...this.entries].reverse();
  }

  count(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
