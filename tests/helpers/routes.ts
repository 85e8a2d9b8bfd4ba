import type { Express } from 'express';

/** One route the express app serves: method and full path pattern (`GET /api/conversations/:id`). */
export interface RouteEntry {
  method: string;
  path: string;
}

interface StackLayer {
  rawPath?: string | string[];
  handle: { stack?: StackLayer[] };
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Walks express's router stack (routers mounted with `use`, and their routes), so a route added
 * anywhere shows up here without anyone listing it by hand.
 */
export function listRoutes(app: Express): RouteEntry[] {
  const root = (app as unknown as { router: { stack: StackLayer[] } }).router;
  const out: RouteEntry[] = [];
  const walk = (stack: StackLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: join(prefix, p) });
          }
        }
      } else if (layer.handle.stack) {
        const raw = layer.rawPath ?? '/';
        const mount = typeof raw === 'string' ? raw : String(raw);
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  walk(root.stack, '');
  return out;
}

function join(prefix: string, p: string): string {
  const joined = `${prefix}/${p}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
