import type { Knex } from 'knex';
import { type CannedResponseFields, seedCannedResponses } from '../db/repositories/cannedResponses';

/** Demo mode: a few answers a telecom support team gives every day, in German and English. */
export const DEMO_CANNED_RESPONSES: CannedResponseFields[] = [
  {
    shortcut: 'refund',
    title: 'Refund on the way',
    body: 'Hi {{customer.name}}, sorry for the trouble! We have started your refund; it reaches your account within 5–7 working days. Anything else, just reply here.',
    language: 'en',
    teamId: null,
  },
  {
    shortcut: 'stoerung',
    title: 'Bekannte Störung',
    body: 'Hallo {{customer.name}}, danke für deine Meldung! In deiner Region gibt es gerade eine Störung, unsere Technik arbeitet daran. Den aktuellen Stand findest du auf demo.example/status.',
    language: 'de',
    teamId: null,
  },
  {
    shortcut: 'dm',
    title: 'Bitte per DM',
    body: 'Hallo {{customer.handle}}, damit wir uns deinen Vertrag ansehen können, schreib uns bitte eine Direktnachricht mit deiner Kundennummer – bitte nicht öffentlich posten.',
    language: 'de',
    teamId: null,
  },
  {
    shortcut: 'router',
    title: 'Router restart',
    body: 'Hi {{customer.name}}, please unplug your router for 30 seconds and plug it back in. If the light stays red, send us a DM and {{agent.name}} will check your line.',
    language: 'en',
    teamId: null,
  },
];

export function seedDemoCannedResponses(db: Knex): Promise<void> {
  return seedCannedResponses(db, DEMO_CANNED_RESPONSES);
}
