// Building the TypeScript benchmarks with Vite's JS API: bench/model/node-entry.ts as a Node bundle
// and, for the browser rows, bench/render/ as a production page.
import { readFileSync } from "node:fs";
import path from "node:path";

export async function buildBenches({ root, cacheDir, withRender }) {
  const { build } = await import("vite");
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const shared = {
    configFile: false,
    root,
    logLevel: "warn",
    mode: "production",
    publicDir: false,
    resolve: { alias: { "@": path.join(root, "src") } },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  };
  await build({
    ...shared,
    build: {
      ssr: "bench/model/node-entry.ts",
      outDir: path.join(cacheDir, "model"),
      emptyOutDir: true,
      target: "node20",
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { entryFileNames: "model-bench.mjs" } },
    },
  });
  if (!withRender) return;
  const react = (await import("@vitejs/plugin-react")).default;
  const tailwindcss = (await import("@tailwindcss/vite")).default;
  await build({
    ...shared,
    base: "./",
    plugins: [react(), tailwindcss()],
    build: {
      outDir: path.join(cacheDir, "render"),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { input: path.join(root, "bench", "render", "index.html") },
    },
  });
}
