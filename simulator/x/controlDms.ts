import express, { type Router } from 'express';
import { z } from 'zod';
import { createDmSchema } from './controlSchemas';
import type { XDmEvent } from './dms';
import type { SimulatorState } from './store';

/**
 * DM controls: a customer writes to the brand (or, with `from` = the brand, the brand writes, as if from
 * the X app); tests read back what the brand sent. One side of every DM is the brand.
 */
export function createXDmControlRouter(state: SimulatorState): Router {
  const router = express.Router();
  router.use(express.json());

  router.post('/_sim/x/dms', (req, res) => {
    const parsed = createDmSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: z.prettifyError(parsed.error) });
      return;
    }
    const input = parsed.data;
    const brand = state.brand;
    const fromBrand = input.from.username.toLowerCase() === brand.username.toLowerCase();
    if (!fromBrand && input.from.username.length > 15) {
      res.status(400).json({ error: 'from.username: at most 15 characters' });
      return;
    }
    const sender = fromBrand
      ? brand
      : state.upsertCustomer({
          username: input.from.username,
          name: input.from.name,
          followersCount: input.from.followers_count,
          verified: input.from.verified,
          acceptsDms: input.from.accepts_dms,
        });
    const recipient = input.to === undefined ? brand : state.userByUsername(input.to.replace(/^@/, ''));
    if (!recipient) {
      res.status(400).json({ error: `to: no user @${input.to}; let them post first` });
      return;
    }
    if (recipient.id === sender.id || (sender.id !== brand.id && recipient.id !== brand.id)) {
      res.status(400).json({ error: 'a DM goes between the brand and someone else' });
      return;
    }
    const event = state.createDm(
      {
        senderId: sender.id,
        recipientId: recipient.id,
        text: input.text,
        media: input.media,
        createdAt: input.created_at === undefined ? undefined : Date.parse(input.created_at),
      },
      'control',
    );
    res.status(201).json({ id: event.id, dm_conversation_id: event.conversationId });
  });

  router.get('/_sim/x/dms', (req, res) => {
    const withName = typeof req.query.with === 'string' ? req.query.with.replace(/^@/, '') : undefined;
    let events = state.dms.eventsOf(state.brand.id);
    if (withName !== undefined) {
      const other = state.userByUsername(withName);
      events = other ? events.filter((e) => e.participantIds.includes(other.id)) : [];
    }
    res.json({ data: events.map((e) => summary(state, e)) });
  });

  return router;
}

function summary(state: SimulatorState, e: XDmEvent) {
  return {
    id: e.id,
    text: e.text,
    sender: state.userById(e.senderId)?.username ?? e.senderId,
    dm_conversation_id: e.conversationId,
    created_at: new Date(e.createdAt).toISOString(),
    ...(e.mediaKeys.length ? { media_keys: [...e.mediaKeys] } : {}),
  };
}
