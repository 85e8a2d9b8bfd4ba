/**
 * `npm run bench:seed [-- --conversations N]`: seeds (or reseeds) the inbox/report benchmark database
 * and keeps it, so `npm run bench -- inbox` reuses it.
 */
import { seedInbox, seedUrl } from './seedInbox';

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i === -1 ? null : (process.argv[i + 1] ?? null);
}

const conversations = Number(option('--conversations') ?? 3_000_000);
seedInbox({ conversations })
  .then((info) => {
    console.info(
      `seed: ${info.conversations} conversations, ${info.messages} messages, ${info.contacts} contacts in ${info.seconds} s; kept ${seedUrl(conversations)}`,
    );
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
