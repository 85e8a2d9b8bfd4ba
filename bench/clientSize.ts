import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchFigures, recordResults } from './results';

/**
 * Initial JavaScript of the built client: what the browser must download before the first screen, i.e.
 * the entry script of client/dist/index.html and the chunks it statically imports (vite lists them as
 * `<link rel="modulepreload">`), gzipped (level 6, the usual server setting). Lazy chunks (dynamic
 * imports) are counted separately. Builds the client first, so the figure is the current code's.
 */
const DIST = path.resolve('client/dist');

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 6 }).length;

/** Script and modulepreload URLs of index.html, as paths inside dist. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) found.add(m[1] ?? '');
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(m[1] ?? '');
  return [...found].filter((u) => u.endsWith('.js')).map((u) => u.replace(/^\//, ''));
}

export async function clientSizeBench(opts: { build: boolean }): Promise<BenchFigures> {
  if (opts.build)
    execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
  const initial = initialScripts(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  const allJs = readdirSync(path.join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = allJs.filter((f) => !initial.includes(f));
  const initialBytes = initial.reduce((sum, f) => sum + gzipped(f), 0);
  const lazyBytes = lazy.reduce((sum, f) => sum + gzipped(f), 0);
  console.info(`client: initial JS ${initial.map((f) => `${f} ${kb(gzipped(f))} KB`).join(', ')}`);
  console.info(`client: ${lazy.length} lazy chunks, ${kb(lazyBytes)} KB gzipped in all`);
  const figures: BenchFigures = {
    client_js_gzip_kb: kb(initialBytes),
    client_js_lazy_gzip_kb: kb(lazyBytes),
  };
  recordResults(figures);
  return figures;
}
