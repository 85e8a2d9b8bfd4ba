import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { createPostSchema, editPostSchema, rateLimitSchema } from './controlSchemas';
import type { SimulatorState, XPost } from './store';

/** Test and demo controls for the X stand-in: seed customer posts, read what exists, tune rate limits. */

export function createXControlRouter(state: SimulatorState): Router {
  const router = express.Router();
  router.use(express.json());

  router.post('/_sim/x/posts', (req, res) => {
    const parsed = createPostSchema.safeParse(req.body);
    if (!parsed.success) {
      refuse(res, z.prettifyError(parsed.error));
      return;
    }
    const input = parsed.data;
    const replyTo = input.in_reply_to ?? null;
    for (const [field, id] of [
      ['in_reply_to', replyTo],
      ['quote_of', input.quote_of],
      ['retweet_of', input.retweet_of],
    ] as const) {
      if (id !== null && id !== undefined && !state.visiblePost(id)) {
        refuse(res, `${field}: no visible post with id ${id}`);
        return;
      }
    }
    const author = state.upsertCustomer({
      username: input.author.username,
      name: input.author.name,
      followersCount: input.author.followers_count,
      verified: input.author.verified,
      acceptsDms: input.author.accepts_dms,
    });
    // Retweeting a retweet retweets the original, as on X.
    const retweeted = input.retweet_of ? state.visiblePost(input.retweet_of)! : undefined;
    const original = retweeted?.retweetedPostId ? state.visiblePost(retweeted.retweetedPostId) : retweeted;
    if (retweeted && !original) {
      refuse(res, `retweet_of: the retweeted post ${retweeted.retweetedPostId} is gone`);
      return;
    }
    if (original && state.postsBy(author.id).some((p) => p.retweetedPostId === original.id)) {
      refuse(res, `retweet_of: @${author.username} already retweeted ${original.id}`);
      return;
    }
    const post = state.createPost(
      {
        authorId: author.id,
        text: input.text ?? '',
        inReplyToPostId: replyTo,
        quotedPostId: input.quote_of ?? null,
        retweetedPostId: original?.id ?? null,
        media: input.media,
        createdAt: input.created_at === undefined ? undefined : Date.parse(input.created_at),
      },
      'control',
    );
    res.status(201).json({ id: post.id });
  });

  // The author edits a post: X gives the new version a new id (see SimulatorState.editPost).
  router.post('/_sim/x/posts/:id/edit', (req, res) => {
    const parsed = editPostSchema.safeParse(req.body);
    if (!parsed.success) {
      refuse(res, z.prettifyError(parsed.error));
      return;
    }
    if (!state.visiblePost(req.params.id)) {
      res.status(404).json({ error: `no visible post with id ${req.params.id}` });
      return;
    }
    const result = state.editPost(req.params.id, parsed.data.text);
    if (!result.ok) {
      refuse(res, result.error);
      return;
    }
    res.status(201).json({ id: result.post.id });
  });

  router.get('/_sim/x/posts', (req, res) => {
    const author = typeof req.query.author === 'string' ? req.query.author : undefined;
    let posts: XPost[];
    if (author === undefined) {
      posts = state.allPosts();
    } else {
      const user = state.userByUsername(author.replace(/^@/, ''));
      posts = user ? state.postsBy(user.id) : [];
    }
    res.json({ data: posts.map((p) => summary(state, p)) });
  });

  // A customer deletes their post (tests a reply to a deleted post).
  router.delete('/_sim/x/posts/:id', (req, res) => {
    if (!state.visiblePost(req.params.id)) {
      res.status(404).json({ error: `no visible post with id ${req.params.id}` });
      return;
    }
    state.deletePost(req.params.id);
    res.status(204).end();
  });

  router.get('/_sim/x/brand', (_req, res) => {
    res.json({ id: state.brand.id, username: state.brand.username });
  });

  router.get('/_sim/x/rate-limits', (_req, res) => {
    res.json(rateLimitRules(state));
  });

  router.put('/_sim/x/rate-limits', (req, res) => {
    const parsed = rateLimitSchema.safeParse(req.body);
    if (!parsed.success) {
      refuse(res, z.prettifyError(parsed.error));
      return;
    }
    const { endpoint, limit, windowMs, scope } = parsed.data;
    const limiter = scope === 'app' ? state.appRateLimits : state.rateLimits;
    limiter.setRule(endpoint, windowMs === undefined ? { limit } : { limit, windowMs });
    res.json(rateLimitRules(state));
  });

  return router;
}

function refuse(res: Response, error: string): void {
  res.status(400).json({ error });
}

function rateLimitRules(state: SimulatorState) {
  return { data: state.rateLimits.currentRules(), app: state.appRateLimits.currentRules() };
}

/** A post as X stores it (`text` with t.co links) and as its author wrote it (`expanded_text`). */
function summary(state: SimulatorState, post: XPost) {
  return {
    id: post.id,
    text: post.text,
    expanded_text: post.expandedText,
    author: state.userById(post.authorId)?.username ?? post.authorId,
    in_reply_to: post.inReplyToPostId,
    created_at: new Date(post.createdAt).toISOString(),
    ...(post.quotedPostId ? { quote_of: post.quotedPostId } : {}),
    ...(post.retweetedPostId ? { retweet_of: post.retweetedPostId } : {}),
    ...(post.mediaKeys.length ? { media_keys: [...post.mediaKeys] } : {}),
    ...(post.editHistory.length > 1 ? { edit_history_tweet_ids: [...post.editHistory] } : {}),
  };
}
