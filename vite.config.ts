import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/build/scenarios-plugin';

export default defineConfig({
  base: './',
  plugins: [react(), scenariosPlugin()],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
    // The scenario plugin's load hook compiles every scenario once; its timing note is noise.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
