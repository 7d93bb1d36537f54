import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static single-page app, served by the host at / and /s/<sessionId>;
// absolute asset paths (base '/') so deep links load it too.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
