import type { Knex } from 'knex';

/** Customer messages of the seed (German and English, as the desk's customers write). */
export const TEXTS = [
  'My internet has been down since this morning, please help',
  'Mein Internet ist seit heute Morgen weg, bitte helfen Sie mir',
  'Where is my parcel? The tracking has not moved for three days',
  'Wo bleibt mein Paket? Die Sendungsverfolgung steht seit drei Tagen still',
  'I was charged twice for my last order, I want a refund',
  'Mir wurde die letzte Bestellung doppelt abgebucht, ich möchte eine Erstattung',
  'Cannot log in to the app since the update',
  'Seit dem Update kann ich mich nicht mehr in der App anmelden',
  'Great service today, thanks to your team!',
  'Super Service heute, danke an Ihr Team!',
  'The technician did not show up for the appointment',
  'Der Techniker ist zum Termin nicht erschienen',
  'How do I cancel my contract?',
  'Wie kann ich meinen Vertrag kündigen?',
  'Your outage map says everything is fine but nothing works here',
  'Die Störungskarte zeigt alles grün, aber bei mir geht nichts',
  'Still waiting for an answer to my email from last week',
  'Warte immer noch auf eine Antwort auf meine Mail von letzter Woche',
  'Is there a discount for existing customers?',
  'Gibt es einen Rabatt für Bestandskunden?',
  'The invoice shows a fee I never agreed to',
  'Auf der Rechnung steht eine Gebühr, der ich nie zugestimmt habe',
  'Please call me back, my number is in my profile',
  'Bitte rufen Sie mich zurück, meine Nummer steht im Profil',
];

/**
 * Response-time events of the seeded conversations, as the metric triggers of the services would have
 * written them: episode and inbound at the first customer message; first response by the assignee;
 * a next response for every third; resolution and handle time for resolved ones. Times are local to
 * Europe/Berlin like the default report time zone.
 */
export async function loadResponseMetrics(db: Knex): Promise<void> {
  await db.raw(`insert into response_metrics (conversation_id, key, kind, episode, agent_id, team_id,
      channel_account_id, platform, channel, start_at, at, seconds, business_seconds, local_day, local_hour)
    select c.id, e.kind || ':1', e.kind, 1, case when e.kind in ('episode', 'inbound') then null else c.assignee_id end,
      c.team_id, c.channel_account_id, a.platform, case when c.h % 5 = 0 then 'dm' else 'public' end,
      case when e.kind in ('episode', 'inbound') then null else c.first_inbound_at end,
      c.first_inbound_at + make_interval(secs => e.s), e.s, e.s * 0.6,
      (c.first_inbound_at + make_interval(secs => e.s)) at time zone 'Europe/Berlin',
      extract(hour from (c.first_inbound_at + make_interval(secs => e.s)) at time zone 'Europe/Berlin')
    from (select *, abs(hashtext(thread_key)) as h from conversations) c
    join channel_accounts a on a.id = c.channel_account_id
    cross join lateral (
      select 'episode' as kind, 0::double precision as s
      union all select 'inbound', 0
      union all select 'first', extract(epoch from c.first_response_at - c.first_inbound_at)
        where c.first_response_at is not null
      union all select 'next', 60 + c.h % 7200 where c.first_response_at is not null and c.h % 3 = 0
      union all select 'resolution', extract(epoch from c.resolved_at - c.first_inbound_at)
        where c.resolved_at is not null
      union all select 'handle', 120 + c.h % 1800 where c.resolved_at is not null
    ) e`);
}
