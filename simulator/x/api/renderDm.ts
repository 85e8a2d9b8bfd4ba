import type { XDmEvent } from '../dms';
import type { SimulatorState } from '../store';
import { extractEntities, unshortenedUrlEntities } from '../text';
import { Includes, type Json, Renderer } from './render';

export interface DmFieldSelection {
  dmEventFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
  mediaFields: ReadonlySet<string>;
}

/** DM events in the v2 shape, plus the includes their expansions ask for. */
export class DmRenderer {
  private readonly renderer: Renderer;

  constructor(
    private readonly state: SimulatorState,
    private readonly fields: DmFieldSelection,
  ) {
    this.renderer = new Renderer(state, {
      tweetFields: fields.tweetFields,
      userFields: fields.userFields,
      expansions: new Set(),
      mediaFields: fields.mediaFields,
    });
  }

  event(e: XDmEvent): Json {
    const f = this.fields.dmEventFields;
    const out: Json = { id: e.id };
    if (f.has('text') && e.eventType === 'MessageCreate') out.text = e.text;
    if (f.has('event_type')) out.event_type = e.eventType;
    if (f.has('dm_conversation_id')) out.dm_conversation_id = e.conversationId;
    if (f.has('created_at')) out.created_at = new Date(e.createdAt).toISOString();
    if (f.has('sender_id')) out.sender_id = e.senderId;
    // UNCONFIRMED: participant_ids is believed to come only with ParticipantsJoin and ParticipantsLeave.
    if (f.has('participant_ids') && e.eventType !== 'MessageCreate')
      out.participant_ids = [...e.participantIds];
    if (f.has('attachments') && e.mediaKeys.length) out.attachments = { media_keys: [...e.mediaKeys] };
    if (f.has('entities') && e.eventType === 'MessageCreate') {
      const entities = extractEntities(
        e.text,
        unshortenedUrlEntities(e.text),
        (u) => this.state.userByUsername(u)?.id,
      );
      if (entities) out.entities = entities;
    }
    if (f.has('referenced_tweets') && e.referencedPostIds.length) {
      out.referenced_tweets = e.referencedPostIds.map((id) => ({ id }));
    }
    return out;
  }

  includes(events: readonly XDmEvent[]): Json | null {
    const x = this.fields.expansions;
    const collected = new Includes(this.state);
    for (const e of events) {
      if (x.has('sender_id')) collected.addUser(e.senderId);
      if (x.has('participant_ids') && e.eventType !== 'MessageCreate') {
        for (const id of e.participantIds) collected.addUser(id);
      }
      if (x.has('attachments.media_keys')) collected.addMedia(e.mediaKeys);
      if (x.has('referenced_tweets.id')) {
        for (const id of e.referencedPostIds) collected.addTweet(this.state.visiblePost(id));
      }
    }
    return collected.render(this.renderer);
  }
}
