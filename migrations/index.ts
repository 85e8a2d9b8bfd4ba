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
import * as addSearchVectors from './20261121000013_add_search_vectors';
import * as createNotifications from './20261121000014_create_notifications';
import * as createCannedResponsesAndAttachments from './20261121000015_create_canned_responses_and_attachments';
import * as createAgentPresence from './20261121000016_create_agent_presence';
import * as addConversationSlaLanguageAndSavedFilters from './20261121000017_add_conversation_sla_language_and_saved_filters';
import * as addReplyApprovals from './20261121000018_add_reply_approvals';
import * as createRoutingRulesAndAssignment from './20261121000019_create_routing_rules_and_assignment';
import * as createSlaPoliciesAndBusinessHours from './20261121000020_create_sla_policies_and_business_hours';
import * as createResponseMetrics from './20261121000021_create_response_metrics';
import * as addInboundMessageTimeIndex from './20261121000022_add_inbound_message_time_index';
import * as addLoginThrottleAndPasswordReset from './20261121000023_add_login_throttle_and_password_reset';
import * as createOauthFlows from './20261121000024_create_oauth_flows';
import * as createAuditLogAndUserInvites from './20261121000025_create_audit_log_and_user_invites';
import * as addUserAllAccountsGrant from './20261121000026_add_user_all_accounts_grant';
import * as rollupMetricsPerStatement from './20261121000031_rollup_metrics_per_statement';
import * as addInboxListIndexes from './20261121000032_add_inbox_list_indexes';

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
  addSearchVectors,
  createNotifications,
  createCannedResponsesAndAttachments,
  createAgentPresence,
  addConversationSlaLanguageAndSavedFilters,
  addReplyApprovals,
  createRoutingRulesAndAssignment,
  createSlaPoliciesAndBusinessHours,
  createResponseMetrics,
  addInboundMessageTimeIndex,
  addLoginThrottleAndPasswordReset,
  createOauthFlows,
  createAuditLogAndUserInvites,
  addUserAllAccountsGrant,
  rollupMetricsPerStatement,
  addInboxListIndexes,
];
