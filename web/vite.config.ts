import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Built with `npx vite build web` (or `npx vite build --config web/vite.config.ts`); `kg serve` serves web/dist.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite web` for development: the API comes from a running `kg serve`.
    proxy: { "/api": `http://127.0.0.1:${process.env.KG_API_PORT ?? "8080"}` },
  },
});
