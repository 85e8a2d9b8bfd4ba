/**
 * Page posts and their comments. Ids look like Graph's: a post is `{page-id}_{n}`, a comment
 * `{n}_{m}` (the post's own number, then the comment's). Replies are flattened to two levels as Facebook
 * does: a reply to a reply belongs to the top-level comment.
 */

export interface FbPost {
  id: string;
  seq: number;
  /** The page id, or the commenter id of a visitor who posted on the Page. */
  authorId: string;
  byPage: boolean;
  message: string;
  createdAt: number;
  /** Bumped by every new comment, as Graph's `updated_time` is. */
  updatedAt: number;
}

export interface FbComment {
  id: string;
  seq: number;
  postId: string;
  /** The top-level comment this is a reply to; null for a top-level comment. */
  parentId: string | null;
  authorId: string;
  byPage: boolean;
  message: string;
  attachmentUrl: string | null;
  createdAt: number;
  editedAt: number | null;
  hidden: boolean;
  deleted: boolean;
  /** Set once the Page answered the comment privately (only one private reply per comment). */
  privateReply: { messageId: string; conversationId: string; at: number } | null;
}

export interface NewComment {
  postId: string;
  /** Any comment on the post; a reply's reply is attached to the top-level comment. */
  replyTo: string | null;
  authorId: string;
  byPage: boolean;
  message: string;
  attachmentUrl?: string | null;
  createdAt: number;
}

export class ContentStore {
  private posts = new Map<string, FbPost>();
  private comments = new Map<string, FbComment>();
  // Never reset: a client's saved ids and cursors must not point at new items after a reset.
  private seq = 0;
  private nextPostNumber = 122100000000000000n;
  private nextCommentNumber = 1000000000000000n;

  constructor(private readonly pageId: string) {}

  createPost(input: { authorId: string; byPage: boolean; message: string; createdAt: number }): FbPost {
    this.nextPostNumber += 1n;
    const post: FbPost = {
      id: `${this.pageId}_${this.nextPostNumber}`,
      seq: ++this.seq,
      ...input,
      updatedAt: input.createdAt,
    };
    this.posts.set(post.id, post);
    return post;
  }

  post(id: string): FbPost | undefined {
    return this.posts.get(id);
  }

  /** Every post, newest first by `by`. */
  allPosts(by: 'created_time' | 'updated_time'): FbPost[] {
    const t = (p: FbPost) => (by === 'created_time' ? p.createdAt : p.updatedAt);
    return [...this.posts.values()].sort((a, b) => t(b) - t(a) || b.seq - a.seq);
  }

  /** The caller has checked that the post and the comment replied to exist and are not deleted. */
  addComment(input: NewComment): FbComment {
    const post = this.posts.get(input.postId)!;
    const replyTo = input.replyTo === null ? null : this.comments.get(input.replyTo)!;
    this.nextCommentNumber += 1n;
    const comment: FbComment = {
      id: `${postNumber(post.id)}_${this.nextCommentNumber}`,
      seq: ++this.seq,
      postId: post.id,
      parentId: replyTo === null ? null : (replyTo.parentId ?? replyTo.id),
      authorId: input.authorId,
      byPage: input.byPage,
      message: input.message,
      attachmentUrl: input.attachmentUrl ?? null,
      createdAt: input.createdAt,
      editedAt: null,
      hidden: false,
      deleted: false,
      privateReply: null,
    };
    this.comments.set(comment.id, comment);
    post.updatedAt = Math.max(post.updatedAt, comment.createdAt);
    return comment;
  }

  /** Any comment ever made, deleted ones included. */
  comment(id: string): FbComment | undefined {
    return this.comments.get(id);
  }

  liveComment(id: string): FbComment | undefined {
    const comment = this.comments.get(id);
    return comment && !comment.deleted ? comment : undefined;
  }

  /** Comments on a post (or replies to a comment), deleted ones included, in creation order. */
  commentsOn(postId: string): FbComment[] {
    return [...this.comments.values()].filter((c) => c.postId === postId);
  }

  repliesTo(commentId: string): FbComment[] {
    return [...this.comments.values()].filter((c) => c.parentId === commentId);
  }

  counts(): { posts: number; comments: number } {
    return { posts: this.posts.size, comments: [...this.comments.values()].filter((c) => !c.deleted).length };
  }

  clear(): void {
    this.posts.clear();
    this.comments.clear();
  }
}

/** `1010000000000001_122100000000000001` → `122100000000000001`. */
export function postNumber(postId: string): string {
  return postId.slice(postId.indexOf('_') + 1);
}
