import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The config is run from the repository root (`vite build --config client/vite.config.ts`),
// so the root is pinned to this folder instead of relying on the working directory.
const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:3000';

const NO_POLYFILL_ID = '\0caredesk-no-polyfill';

/**
 * twitter-text's build imports ES2015 polyfills from core-js 2 (about a quarter of its weight) for
 * browsers that lack ES2015. Every browser our build targets has those built in, so the imports
 * (side-effect only) resolve to an empty module. The server keeps them; they are no-ops there too.
 */
function dropLegacyPolyfills(): Plugin {
  return {
    name: 'caredesk:drop-legacy-polyfills',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith('core-js/modules/') ? NO_POLYFILL_ID : null;
    },
    load(id) {
      return id === NO_POLYFILL_ID ? 'export {};' : null;
    },
  };
}

// Default export: vite loads its config that way (the one exception to named exports).
export default defineConfig({
  root: clientRoot,
  plugins: [dropLegacyPolyfills(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/socket.io': { target: apiServer, ws: true, changeOrigin: false },
    },
  },
});
