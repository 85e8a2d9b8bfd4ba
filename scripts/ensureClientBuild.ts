/**
 * npm "prestart": builds the client when client/dist is missing or older than its sources, so
 * `npm start` on a fresh clone serves a current UI without a separate build step.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const built = path.join(root, 'client/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'client'), path.join(root, 'common')];
const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourceAt = Math.max(
  ...sources.map((dir) => newestMtime(dir === sources[0] ? path.join(dir, 'src') : dir)),
  fs.statSync(path.join(root, 'client/index.html')).mtimeMs,
);
if (builtAt === 0 || sourceAt > builtAt) {
  console.info(
    builtAt === 0 ? 'Building the web client (first start)…' : 'Client sources changed; rebuilding…',
  );
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'client/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
}
