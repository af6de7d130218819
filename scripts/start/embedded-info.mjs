// What the page reads from /__clawscope/embedded while `npm start` runs: which gateway,
// how far its boot has come, and (once ready) its token.

/** @param {{ external: string | null, instance: string, externalToken: string | null }} setup */
export function createEmbeddedInfo({ external, instance, externalToken }) {
  /** @type {import("../vite-embedded-info.mjs").EmbeddedInfo} */
  const info = {
    mode: external ? "external" : "embedded",
    phase: external ? "ready" : "starting-provider",
    message: external ? `Using the gateway at ${external}` : "Starting…",
    startedAt: Date.now(),
    updatedAt: Date.now(),
    gatewayUrl: external,
    token: null,
    instance: external ? "external" : instance,
  };
  /** @type {string | null} */
  let gatewayToken = null;
  return {
    phase: () => info.phase,
    /** @param {Partial<typeof info>} patch */
    update: (patch) => Object.assign(info, patch, { updatedAt: Date.now() }),
    /** @param {string} token */
    setGatewayToken: (token) => {
      gatewayToken = token;
    },
    // The token leaves this process only through the loopback-only info endpoint, once ready.
    get: () => ({ ...info, token: info.phase === "ready" ? (external ? externalToken : gatewayToken) : null }),
  };
}
