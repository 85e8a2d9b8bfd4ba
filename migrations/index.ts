import type { Knex } from 'knex';
import * as createUsersAndTeams from './20261121000001_create_users_and_teams';
import * as createChannelAccounts from './20261121000002_create_channel_accounts';
import * as createContacts from './20261121000003_create_contacts';
import * as createConversations from './20261121000004_create_conversations';
import * as createMessages from './20261121000005_create_messages';
import * as createConversationEvents from './20261121000006_create_conversation_events';
import * as createInboundItems from './20261121000007_create_inbound_items';
import * as addMessageChannelAndContext from './20261121000008_add_message_channel_and_context';
import * as addChannelAccountSettingsAndUsage from './20261121000009_add_channel_account_settings_and_usage';
import * as createIngestGaps from './20261121000010_create_ingest_gaps';
import * as addMessageModerationAndPrivateReply from './20261121000011_add_message_moderation_and_private_reply';
import * as addConversationSnoozeAndTags from './20261121000012_add_conversation_snooze_and_tags';

export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Every migration, in order. Add new ones at the end; never reorder or rename. */
export const migrations: readonly Migration[] = [
  createUsersAndTeams,
  createChannelAccounts,
  createContacts,
  createConversations,
  createMessages,
  createConversationEvents,
  createInboundItems,
  addMessageChannelAndContext,
  addChannelAccountSettingsAndUsage,
  createIngestGaps,
  addMessageModerationAndPrivateReply,
  addConversationSnoozeAndTags,
];
