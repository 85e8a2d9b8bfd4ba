/**
 * Demo customer traffic: who writes and what they write. Placeholders in braces are filled in by the
 * generator; `{brand}` becomes the brand's handle without the @.
 */

export type DemoLang = 'de' | 'en';

export interface DemoCustomer {
  username: string;
  name: string;
  lang: DemoLang;
  followers: number;
  verified?: boolean;
}

export interface DemoTemplate {
  lang: DemoLang;
  topic: 'outage' | 'router' | 'billing' | 'contract' | 'mobile' | 'angry' | 'thanks';
  text: string;
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { username: 'lena_schmidt89', name: 'Lena Schmidt', lang: 'de', followers: 312 },
  { username: 'mkoehler', name: 'Markus Köhler', lang: 'de', followers: 87 },
  { username: 'julia_wgr', name: 'Julia Wagner', lang: 'de', followers: 1204 },
  { username: 'tobi_berlin', name: 'Tobias Becker', lang: 'de', followers: 45 },
  { username: 'sandra_h', name: 'Sandra Hoffmann', lang: 'de', followers: 230 },
  { username: 'der_fischer', name: 'Jan Fischer', lang: 'de', followers: 19 },
  { username: 'anna_k_muc', name: 'Anna Keller', lang: 'de', followers: 640 },
  { username: 'stefan_rtr', name: 'Stefan Richter', lang: 'de', followers: 58 },
  { username: 'claudia_wolf', name: 'Claudia Wolf', lang: 'de', followers: 402 },
  { username: 'kai_neumann', name: 'Kai Neumann', lang: 'de', followers: 2710 },
  { username: 'mia_schwarz', name: 'Mia Schwarz', lang: 'de', followers: 133 },
  { username: 'opa_heinz', name: 'Heinz Zimmermann', lang: 'de', followers: 7 },
  { username: 'nina_braun_', name: 'Nina Braun', lang: 'de', followers: 891 },
  { username: 'felix_krueger', name: 'Felix Krüger', lang: 'de', followers: 264 },
  { username: 'sabine_hartmann', name: 'Sabine Hartmann', lang: 'de', followers: 75 },
  { username: 'ahmet_yilmaz', name: 'Ahmet Yılmaz', lang: 'de', followers: 512 },
  { username: 'techjournal_de', name: 'Tech Journal DE', lang: 'de', followers: 48_300, verified: true },
  { username: 'max_lange_', name: 'Max Lange', lang: 'de', followers: 36 },
  { username: 'katrin_vogel', name: 'Katrin Vogel', lang: 'de', followers: 198 },
  { username: 'paul_dev', name: 'Paul Hahn', lang: 'de', followers: 3301 },
  { username: 'emily_in_berlin', name: 'Emily Carter', lang: 'en', followers: 1520 },
  { username: 'jrodriguez', name: 'Javier Rodríguez', lang: 'en', followers: 284 },
  { username: 'sarah_moves', name: 'Sarah Thompson', lang: 'en', followers: 96 },
  { username: 'dan_expat', name: 'Daniel Walsh', lang: 'en', followers: 410 },
  { username: 'priya_codes', name: 'Priya Nair', lang: 'en', followers: 2240 },
  { username: 'tomwilson_', name: 'Tom Wilson', lang: 'en', followers: 63 },
  { username: 'olga_p', name: 'Olga Petrova', lang: 'en', followers: 171 },
  { username: 'mike_in_hh', name: 'Mike Brennan', lang: 'en', followers: 55 },
  { username: 'chloe_travels', name: 'Chloé Martin', lang: 'en', followers: 8900, verified: true },
  { username: 'ben_nomad', name: 'Ben Foster', lang: 'en', followers: 327 },
];

export const OPENING_TEMPLATES: readonly DemoTemplate[] = [
  {
    lang: 'de',
    topic: 'outage',
    text: '@{brand} Seit heute morgen kein Internet in {plz} {city}. Gibt es eine Störung?',
  },
  {
    lang: 'de',
    topic: 'outage',
    text: '@{brand} Bei uns in {city} ist seit {hours} Stunden alles tot. Kein Internet, kein Festnetz. Was ist da los?',
  },
  {
    lang: 'de',
    topic: 'outage',
    text: 'Ist das Netz in {city} gerade komplett weg? @{brand} Ich muss um 14 Uhr in ein Meeting 😩',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} Mein {router} verliert ständig die DSL-Synchronisation. Neustart hilft nur für eine Stunde.',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} Gebucht sind {booked} Mbit/s, ankommen tun {actual}. Seit Wochen. Speedtest hängt an.',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} Die Info-LED am {router} blinkt rot und ich komme nicht mehr ins Konfigurationsmenü. Hilfe?',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} WLAN bricht jeden Abend gegen 20 Uhr ein. Liegt das am {router} oder an der Leitung?',
  },
  {
    lang: 'de',
    topic: 'billing',
    text: '@{brand} Mir wurden diesen Monat {amount} € doppelt abgebucht. Wer erstattet mir das?',
  },
  {
    lang: 'de',
    topic: 'billing',
    text: '@{brand} Auf meiner Rechnung für {month} steht ein Posten "Drittanbieter", den ich nie bestellt habe.',
  },
  {
    lang: 'de',
    topic: 'billing',
    text: '@{brand} Warum ist meine Rechnung plötzlich {amount} € höher? Ich habe nichts geändert.',
  },
  {
    lang: 'de',
    topic: 'contract',
    text: '@{brand} Mein Vertrag läuft im {month} aus. Bekomme ich bei Vertragsverlängerung ein besseres Angebot?',
  },
  {
    lang: 'de',
    topic: 'contract',
    text: '@{brand} Ich ziehe am 1. nach {city} um. Wie nehme ich meinen Anschluss mit und wie lange dauert das?',
  },
  {
    lang: 'de',
    topic: 'contract',
    text: '@{brand} Kann ich von meinem Tarif auf Glasfaser wechseln, ohne dass die Laufzeit neu beginnt?',
  },
  {
    lang: 'de',
    topic: 'contract',
    text: '@{brand} Seit drei Wochen warte ich auf die Bestätigung meines Tarifwechsels. Wie ist der Stand?',
  },
  {
    lang: 'de',
    topic: 'mobile',
    text: '@{brand} In {city} habe ich seit dem Wochenende kein 5G mehr, nur noch Edge. Wird da gebaut?',
  },
  {
    lang: 'de',
    topic: 'mobile',
    text: '@{brand} Mobiles Internet im Zug zwischen Hamburg und Berlin ist eine Katastrophe. Gibt es Pläne?',
  },
  {
    lang: 'de',
    topic: 'mobile',
    text: '@{brand} Meine eSIM wird nach dem Handywechsel nicht aktiviert. QR-Code sagt "ungültig".',
  },
  {
    lang: 'de',
    topic: 'angry',
    text: '@{brand} Zum dritten Mal ein Techniker-Termin verpasst. Ich habe extra Urlaub genommen. Unfassbar.',
  },
  {
    lang: 'de',
    topic: 'angry',
    text: '@{brand} 45 Minuten in der Hotline-Warteschleife und dann aufgelegt. Ernsthaft?!',
  },
  {
    lang: 'de',
    topic: 'angry',
    text: '@{brand} Wenn das bis Freitag nicht läuft, kündige ich. Zwei Wochen ohne Internet im Homeoffice.',
  },
  {
    lang: 'de',
    topic: 'thanks',
    text: '@{brand} Großes Lob an den Techniker heute, super freundlich und in 20 Minuten war alles erledigt. Danke!',
  },
  {
    lang: 'de',
    topic: 'thanks',
    text: 'Danke @{brand} für die schnelle Hilfe gestern Abend, läuft wieder alles 👍',
  },
  {
    lang: 'en',
    topic: 'outage',
    text: '@{brand} No internet in {plz} {city} since this morning. Is there an outage?',
  },
  {
    lang: 'en',
    topic: 'outage',
    text: '@{brand} Is the network down in {city}? Nothing has worked for {hours} hours.',
  },
  {
    lang: 'en',
    topic: 'router',
    text: '@{brand} My {router} keeps dropping the DSL sync every hour or so. Any idea what is going on?',
  },
  {
    lang: 'en',
    topic: 'router',
    text: '@{brand} Paying for {booked} Mbit/s, getting {actual}. Is this normal in the evening?',
  },
  {
    lang: 'en',
    topic: 'billing',
    text: '@{brand} I was charged twice this month ({amount} €). Who can help me get a refund?',
  },
  {
    lang: 'en',
    topic: 'billing',
    text: '@{brand} Is there an English version of the Rechnung? I cannot tell what the extra {amount} € are for.',
  },
  {
    lang: 'en',
    topic: 'contract',
    text: '@{brand} I am moving to {city} next month. How do I move my contract to the new flat?',
  },
  {
    lang: 'en',
    topic: 'contract',
    text: '@{brand} Can I switch to a cheaper tariff before my contract renewal, or do I have to wait?',
  },
  {
    lang: 'en',
    topic: 'mobile',
    text: '@{brand} Roaming does not work in Austria even though my plan includes EU roaming. Please help.',
  },
  {
    lang: 'en',
    topic: 'mobile',
    text: '@{brand} 5G coverage map says full coverage in {city}, my phone says 3 bars of LTE at best.',
  },
  {
    lang: 'en',
    topic: 'angry',
    text: '@{brand} Third week without a working line. Nobody calls back. This is ridiculous.',
  },
  {
    lang: 'en',
    topic: 'thanks',
    text: '@{brand} Thanks for sorting out my bill so quickly, really appreciated!',
  },
];

/** Follow-ups in an existing thread, written by the customer who started it. */
export const FOLLOW_UP_TEMPLATES: readonly DemoTemplate[] = [
  {
    lang: 'de',
    topic: 'outage',
    text: '@{brand} Immer noch kein Internet. Gibt es schon eine Zeit, wann es wieder geht?',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} Habe den {router} wie empfohlen zurückgesetzt, leider ohne Erfolg.',
  },
  { lang: 'de', topic: 'contract', text: '@{brand} Kundennummer habe ich euch per DM geschickt.' },
  { lang: 'de', topic: 'angry', text: '@{brand} Hallo? Seit {hours} Stunden keine Antwort mehr.' },
  { lang: 'de', topic: 'thanks', text: '@{brand} Jetzt geht es wieder, danke euch!' },
  { lang: 'de', topic: 'thanks', text: '@{brand} Super, vielen Dank für die schnelle Rückmeldung.' },
  {
    lang: 'de',
    topic: 'billing',
    text: '@{brand} Die Gutschrift ist noch nicht auf dem Konto. Wie lange dauert das?',
  },
  {
    lang: 'de',
    topic: 'router',
    text: '@{brand} Gerade nochmal gemessen: {actual} Mbit/s. Also nein, besser ist es nicht.',
  },
  { lang: 'en', topic: 'outage', text: '@{brand} Still down here. Any update?' },
  { lang: 'en', topic: 'contract', text: '@{brand} Sent you my customer number by DM.' },
  { lang: 'en', topic: 'thanks', text: '@{brand} Works again, thanks a lot!' },
  { lang: 'en', topic: 'angry', text: '@{brand} Still waiting for an answer, {hours} hours later.' },
  { lang: 'en', topic: 'router', text: '@{brand} Did the reset as you said. Same problem.' },
];

/** Postcode and city go together: a post naming "80331 Leipzig" would look made up. */
export const PLACES: ReadonlyArray<{ plz: string; city: string }> = [
  { plz: '10115', city: 'Berlin' },
  { plz: '10245', city: 'Berlin' },
  { plz: '20095', city: 'Hamburg' },
  { plz: '50667', city: 'Köln' },
  { plz: '80331', city: 'München' },
  { plz: '60311', city: 'Frankfurt' },
  { plz: '70173', city: 'Stuttgart' },
  { plz: '04109', city: 'Leipzig' },
  { plz: '01067', city: 'Dresden' },
  { plz: '28195', city: 'Bremen' },
];

export const PLACEHOLDER_VALUES: Readonly<Record<string, readonly string[]>> = {
  hours: ['2', '3', '5', '8', '12', '24'],
  router: ['Speedport Smart 4', 'Speedport Pro Plus', 'Speedport W 724V', 'Router'],
  booked: ['100', '250', '50', '500'],
  actual: ['12', '16', '23', '38', '6'],
  amount: ['39,95', '49,95', '19,99', '54,90', '12,50'],
  month: ['Januar', 'März', 'Juni', 'September', 'November'],
};
