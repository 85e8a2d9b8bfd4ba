import type { Application, Express } from 'express';

interface StackLayer {
  rawPath?: string | string[];
  handle: { stack?: StackLayer[] };
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

interface Pattern {
  method: string;
  segments: string[];
  /** A mounted sub-application (e.g. bull-board): matches everything below its path. */
  prefix: boolean;
  label: string;
}

const join = (prefix: string, p: string) => {
  const joined = `${prefix}/${p}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
};

/** Every route of the app (walking express's router stack), plus mounted sub-apps as prefixes. */
function collectPatterns(app: Express | Application): Pattern[] {
  const root = (app as unknown as { router?: { stack: StackLayer[] } }).router;
  const out: Pattern[] = [];
  const walk = (stack: StackLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          if (typeof p !== 'string') continue;
          const full = join(prefix, p);
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (!on) continue;
            out.push({
              method: method === '_all' ? '*' : method.toUpperCase(),
              segments: full.split('/').filter(Boolean),
              prefix: false,
              label: full,
            });
          }
        }
      } else if (layer.handle.stack) {
        const raw = layer.rawPath ?? '/';
        walk(layer.handle.stack, join(prefix, typeof raw === 'string' ? raw : String(raw)));
      } else if (typeof layer.rawPath === 'string' && layer.rawPath !== '/') {
        const full = join(prefix, layer.rawPath);
        out.push({
          method: '*',
          segments: full.split('/').filter(Boolean),
          prefix: true,
          label: `${full}/*`,
        });
      }
    }
  };
  if (root) walk(root.stack, '');
  return out;
}

const cache = new WeakMap<object, Pattern[]>();

/**
 * The route pattern of a request (`/api/conversations/:id`), for metric labels: raw URLs carry ids
 * and would make one series per conversation. Matched against the app's own route table, so it is
 * right even after an error handler ran (express has reset `req.baseUrl` by then).
 */
export function routePatternOf(app: Express | Application, method: string, path: string): string {
  let patterns = cache.get(app);
  if (!patterns) {
    patterns = collectPatterns(app);
    cache.set(app, patterns);
  }
  const m = method === 'HEAD' ? 'GET' : method;
  const parts = path.split('/').filter(Boolean);
  let best: { label: string; score: number } | undefined;
  for (const p of patterns) {
    if (p.method !== '*' && p.method !== m) continue;
    if (p.prefix ? parts.length < p.segments.length : parts.length !== p.segments.length) continue;
    let literals = 0;
    const ok = p.segments.every((seg, i) => {
      if (seg.startsWith(':')) return true;
      literals++;
      return seg === parts[i];
    });
    // Exact routes win over prefixes, literal segments over parameters.
    const score = literals * 2 + (p.prefix ? 0 : 1);
    if (ok && (!best || score > best.score)) best = { label: p.label, score };
  }
  return best?.label ?? 'unmatched';
}
