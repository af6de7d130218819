import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { embeddedGatewayInfoPlugin } from "./scripts/vite-embedded-info.mjs";
import { precompressPlugin } from "./scripts/vite-precompress.mjs";
import pkg from "./package.json" with { type: "json" };

export default defineConfig({
  plugins: [react(), tailwindcss(), embeddedGatewayInfoPlugin(), precompressPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 5173 },
  // Source maps double what a build ships; build them only when asked (CLAWSCOPE_SOURCEMAP=1 npx vite build).
  build: { sourcemap: process.env.CLAWSCOPE_SOURCEMAP === "1", chunkSizeWarningLimit: 1200 },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.{ts,mjs}"],
    environment: "node",
    setupFiles: ["./src/testing/vitest-setup.ts"],
    restoreMocks: true,
  },
});
