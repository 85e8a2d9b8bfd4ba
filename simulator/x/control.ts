import express, { type Router } from 'express';
import { z } from 'zod';
import { X_ENDPOINTS } from './endpoints';
import type { SimulatorState, XPost } from './store';

/** Test and demo controls for the X stand-in: seed customer posts, read what exists, tune rate limits. */

const createPostSchema = z.object({
  author: z.object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,15}$/, 'username must be 1-15 letters, digits or underscores'),
    name: z.string().min(1).max(50),
    followers_count: z.number().int().nonnegative().optional(),
    verified: z.boolean().optional(),
  }),
  text: z.string().min(1),
  in_reply_to: z.string().nullable().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
});

const rateLimitSchema = z.object({
  endpoint: z.enum(X_ENDPOINTS, `endpoint must be one of: ${X_ENDPOINTS.join(', ')}`),
  limit: z.number().int().nonnegative(),
  windowMs: z.number().int().positive().optional(),
});

export function createXControlRouter(state: SimulatorState): Router {
  const router = express.Router();
  router.use(express.json());

  router.post('/_sim/x/posts', (req, res) => {
    const parsed = createPostSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: z.prettifyError(parsed.error) });
      return;
    }
    const input = parsed.data;
    const replyTo = input.in_reply_to ?? null;
    if (replyTo !== null && !state.visiblePost(replyTo)) {
      res.status(400).json({ error: `in_reply_to: no visible post with id ${replyTo}` });
      return;
    }
    const author = state.upsertCustomer({
      username: input.author.username,
      name: input.author.name,
      followersCount: input.author.followers_count,
      verified: input.author.verified,
    });
    const post = state.createPost(
      {
        authorId: author.id,
        text: input.text,
        inReplyToPostId: replyTo,
        createdAt: input.created_at === undefined ? undefined : Date.parse(input.created_at),
      },
      'control',
    );
    res.status(201).json({ id: post.id });
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
    res.json({ data: state.rateLimits.currentRules() });
  });

  router.put('/_sim/x/rate-limits', (req, res) => {
    const parsed = rateLimitSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: z.prettifyError(parsed.error) });
      return;
    }
    const { endpoint, limit, windowMs } = parsed.data;
    state.rateLimits.setRule(endpoint, windowMs === undefined ? { limit } : { limit, windowMs });
    res.json({ data: state.rateLimits.currentRules() });
  });

  return router;
}

function summary(state: SimulatorState, post: XPost) {
  return {
    id: post.id,
    text: post.text,
    author: state.userById(post.authorId)?.username ?? post.authorId,
    in_reply_to: post.inReplyToPostId,
    created_at: new Date(post.createdAt).toISOString(),
  };
}
