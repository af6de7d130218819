// The page is served before the gateway starts, so it can show the gateway's boot progress.

const PORT_HINT = "Stop the other process or pick another port: npm start -- --port N";

/**
 * @typedef {{ name: string, url: string, stop: () => Promise<unknown> }} RunningUi
 * @typedef {import("../vite-embedded-info.mjs").EmbeddedInfoGetter} EmbeddedInfoGetter
 */

/** Vite's dev server with hot reload. @param {string} root @param {number} port @param {EmbeddedInfoGetter} getEmbeddedInfo @returns {Promise<RunningUi>} */
export async function startViteDevServer(root, port, getEmbeddedInfo) {
  const { createServer } = await import("vite");
  const { embeddedGatewayInfoPlugin } = await import("../vite-embedded-info.mjs");
  const server = await createServer({
    root,
    server: { host: "127.0.0.1", port, strictPort: true },
    plugins: [embeddedGatewayInfoPlugin(getEmbeddedInfo)],
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw /** @type {NodeJS.ErrnoException} */ (error).code === "EADDRINUSE" || /already in use/i.test(String(error))
      ? Object.assign(new Error(`Port ${port} is already in use (is Clawscope already running?).`), { hint: PORT_HINT })
      : error;
  }
  return { name: "Vite dev server", url: server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`, stop: () => server.close() };
}

/** The production build, served the way a deployment would. @param {string} distDir @param {number} port @param {EmbeddedInfoGetter} getEmbeddedInfo @returns {Promise<RunningUi>} */
export async function startBuiltUiServer(distDir, port, getEmbeddedInfo) {
  const { startUiServer } = await import("../ui-server.mjs");
  const ui = await startUiServer({ host: "127.0.0.1", port, distDir, getEmbeddedInfo }).catch((error) => {
    throw Object.assign(error, { hint: PORT_HINT });
  });
  return { name: "UI server", url: ui.url, stop: () => ui.close() };
}
