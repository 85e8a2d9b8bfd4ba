import type { Knex } from 'knex';

/**
 * Bulk-loads realistic German and English customer-service traffic with `insert … select
 * generate_series` (one statement per table, no row-by-row round trips). Texts are assembled from
 * phrase lists so that common words (Rechnung, Router, billing) match many messages and order numbers,
 * cities and names make a long tail.
 */

const sqlArray = (items: readonly string[]) =>
  `array[${items.map((i) => `'${i.replaceAll("'", "''")}'`).join(', ')}]`;
const pick = (items: readonly string[]) => `(${sqlArray(items)})[1 + floor(random() * ${items.length})::int]`;

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannah',
  'Jonas',
  'Julia',
  'Kevin',
  'Laura',
  'Lukas',
  'Mia',
  'Noah',
  'Olivia',
  'Paul',
  'Sophie',
  'Tim',
  'Zoe',
  'James',
  'Emily',
  'Oliver',
  'Charlotte',
  'Jürgen',
  'Sabine',
  'Özlem',
  'Mehmet',
  'Katarzyna',
  'Ahmed',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Yılmaz',
  'Kowalski',
  'Nowak',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
];
const CITY = [
  'Berlin',
  'Hamburg',
  'München',
  'Köln',
  'Frankfurt',
  'Stuttgart',
  'Düsseldorf',
  'Leipzig',
  'Dortmund',
  'Essen',
  'Bremen',
  'Dresden',
  'Hannover',
  'Nürnberg',
  'Duisburg',
  'Bochum',
  'Wuppertal',
  'Bielefeld',
  'Bonn',
  'Münster',
  'Mannheim',
  'Karlsruhe',
  'Augsburg',
  'Wiesbaden',
  'Kiel',
  'Rostock',
];

const DE_OPEN = [
  'Hallo,',
  'Guten Tag,',
  'Hi @acme_help,',
  'Moin,',
  'Sehr geehrte Damen und Herren,',
  'Liebes Support-Team,',
  'Hey,',
  'Servus,',
  'Ich bin echt sauer:',
  'Kurze Frage:',
];
const DE_PROBLEM = [
  'seit drei Tagen habe ich kein Internet',
  'meine Rechnung ist viel zu hoch',
  'die letzte Rechnung stimmt nicht',
  'der Router startet ständig neu',
  'das WLAN bricht dauernd ab',
  'ich möchte meinen Vertrag kündigen',
  'die Glasfaser wurde immer noch nicht angeschlossen',
  'bei uns ist eine Störung im ganzen Viertel',
  'mein Handy hat kein Netz',
  'die Lastschrift wurde doppelt abgebucht',
  'ich habe eine Mahnung bekommen, obwohl ich bezahlt habe',
  'der Techniker ist nicht gekommen',
  'der Tarifwechsel wurde nicht übernommen',
  'die Geschwindigkeit liegt weit unter dem Vertrag',
  'mein Kundenkonto ist gesperrt',
  'die Rufnummernmitnahme klappt nicht',
  'das Modem blinkt rot',
  'ich warte seit Wochen auf eine Gutschrift',
  'die Hotline legt einfach auf',
  'mein Umzug wurde nicht bearbeitet',
];
const DE_DETAIL = ['Kundennummer', 'Vertragsnummer', 'Auftragsnummer', 'Rechnungsnummer', 'Ticket'];
const DE_CLOSE = [
  'Bitte um Rückruf.',
  'Was kann ich tun?',
  'Das ist nicht akzeptabel!',
  'Danke im Voraus.',
  'Bitte schnell helfen.',
  'Ich überlege zu wechseln.',
  'Wann wird das behoben?',
  'Viele Grüße',
  '😡',
  '🙏',
];
const EN_OPEN = [
  'Hi,',
  'Hello @acme_help,',
  'Hey there,',
  'Dear support,',
  'Quick question:',
  'Seriously?',
  'Good morning,',
  'Help!',
  'Not happy:',
  'Hi team,',
];
const EN_PROBLEM = [
  'I was billed twice this month',
  'my billing address is wrong',
  'the internet has been down since Monday',
  'my router keeps rebooting',
  'I want to cancel my contract',
  'the fibre installation was postponed again',
  'there is an outage in my area',
  'my phone has no signal',
  'I still have not received my refund',
  'the technician never showed up',
  'the speed is far below what I pay for',
  'my account is locked',
  'the invoice shows charges I never ordered',
  'porting my number failed',
  'the modem light is red',
  'your hotline hangs up on me',
  'my move was not processed',
  'the upgrade was never applied',
  'I was charged a late fee although I paid',
  'the wifi drops every evening',
];
const EN_DETAIL = ['customer number', 'contract number', 'order number', 'invoice number', 'ticket'];
const EN_CLOSE = [
  'Please call me back.',
  'What can I do?',
  'This is unacceptable!',
  'Thanks in advance.',
  'Please help asap.',
  'Thinking about switching.',
  'When will this be fixed?',
  'Cheers',
  '😡',
  '🙏',
];
const REPLY_DE = [
  'Das tut uns leid, wir schauen uns das sofort an.',
  'Danke für deine Geduld, die Störung ist behoben.',
  'Bitte schick uns deine Kundennummer per DM.',
  'Wir haben die Rechnung korrigiert, die Gutschrift folgt.',
];
const REPLY_EN = [
  'Sorry to hear that, we are looking into it.',
  'Thanks for your patience, the outage is fixed.',
  'Please send us your customer number by DM.',
  'We corrected the invoice, the refund is on its way.',
];
const NOTE = [
  'Kunde ist VIP, bitte priorisieren @BO',
  'Rückruf vereinbart für morgen',
  'Refund approved by billing team',
  'Escalated to network operations',
  'Doppelte Abbuchung bestätigt, Erstattung angestoßen',
];

const customerText = () => `case when random() < 0.6
  then ${pick(DE_OPEN)} || ' ' || ${pick(DE_PROBLEM)} || ' in ' || ${pick(CITY)} || '. '
    || ${pick(DE_DETAIL)} || ' ' || (1000000 + floor(random() * 8999999))::int || '. ' || ${pick(DE_CLOSE)}
  else ${pick(EN_OPEN)} || ' ' || ${pick(EN_PROBLEM)} || ' in ' || ${pick(CITY)} || '. '
    || ${pick(EN_DETAIL)} || ' ' || (1000000 + floor(random() * 8999999))::int || '. ' || ${pick(EN_CLOSE)}
  end`;

export interface LoadSizes {
  contacts: number;
  messages: number;
}

export async function loadSearchData(db: Knex, sizes: LoadSizes): Promise<void> {
  // Inlined integers, no bindings: the phrase lists contain '?', which knex would take for a binding.
  const contacts = Math.trunc(sizes.contacts);
  const messages = Math.trunc(sizes.messages);
  const accountX = "md5('bench-account-x')::uuid";
  const accountFb = "md5('bench-account-fb')::uuid";
  await db.raw(`insert into channel_accounts (id, platform, handle, external_user_id, display_name) values
    (${accountX}, 'x', 'acme_help', 'brand-x', 'Acme Help'),
    (${accountFb}, 'facebook', 'acme', 'brand-fb', 'Acme')`);
  await db.raw(`insert into users (id, email, name, initials) values
    (md5('bench-user')::uuid, 'bench@bench.local', 'Bench Agent', 'BA')`);

  // One conversation per contact (conversation n belongs to contact n); every fourth is on Facebook.
  await db.raw(
    `insert into contacts (id, platform, platform_user_id, handle, name, created_at, updated_at)
     select md5('contact' || n)::uuid, case when n % 4 = 0 then 'facebook' else 'x' end, 'u' || n,
       case when n % 4 = 0 then '' else lower(f) || '_' || lower(l) || (n % 997) end, f || ' ' || l,
       now() - random() * interval '730 days', now() - random() * interval '30 days'
     from (select n, ${pick(FIRST)} as f, ${pick(LAST)} as l from generate_series(1, ${contacts}) n) s`,
  );
  await db.raw(
    `insert into conversations (id, channel_account_id, contact_id, thread_key, status, snippet,
       waiting_since, last_inbound_at, created_at, updated_at)
     select md5('conv' || n)::uuid, case when n % 4 = 0 then ${accountFb} else ${accountX} end,
       md5('contact' || n)::uuid, 't' || n,
       (array['new','open','pending','resolved','resolved','resolved'])[1 + floor(random() * 6)::int],
       'Bench conversation ' || n, case when random() < 0.3 then now() - random() * interval '2 days' end,
       t, t, t
     from (select n, now() - random() * interval '730 days' as t from generate_series(1, ${contacts}) n) s`,
  );
  // 75 % customer messages, 20 % replies (sent), 5 % internal notes.
  await db.raw(
    `insert into messages (conversation_id, channel_account_id, direction, external_id, author_name,
       text, delivery_state, channel, created_at, received_at)
     select md5('conv' || c)::uuid, case when c % 4 = 0 then ${accountFb} else ${accountX} end, d,
       case when d <> 'note' then 'm' || n end,
       case when d = 'inbound' then 'Customer ' || c else 'Bench Agent' end,
       case d when 'inbound' then ${customerText()}
         when 'outbound' then (case when random() < 0.6 then ${pick(REPLY_DE)} else ${pick(REPLY_EN)} end) || ' ^BA'
         else ${pick(NOTE)} end,
       case when d = 'outbound' then 'sent' end,
       case when random() < 0.15 then 'dm' else 'public' end, t, t
     from (
       -- Inserted oldest first, like real traffic, so the heap order follows created_at.
       select n, 1 + floor(random() * ${contacts})::int as c,
         now() - interval '730 days' * (1 - n::float8 / ${messages}) as t,
         case when r < 0.75 then 'inbound' when r < 0.95 then 'outbound' else 'note' end as d
       from (select n, random() as r from generate_series(1, ${messages}) n) g
     ) s`,
  );
}
