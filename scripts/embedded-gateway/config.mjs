// What the gateway is told: its openclaw.json and its environment. Both point it at the
// scripted provider and keep it inside its instance folder, offline and quiet.

import path from "node:path";

/**
 * @param {string} providerUrl @param {number} port @param {string[]} allowedOrigins
 * @param {import("./instance.mjs").InstanceLayout} l
 */
export function buildConfig(providerUrl, port, allowedOrigins, l) {
  const baseUrl = `${providerUrl.replace(/\/+$/, "")}/v1`;
  const model = (/** @type {string} */ name, id = "fake-model", reasoning = false) => ({
    id,
    name,
    reasoning,
    input: ["text"],
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    contextWindow: 128000,
    maxTokens: 4096,
  });
  return {
    gateway: {
      mode: "local",
      port,
      bind: "loopback",
      // The token itself comes from OPENCLAW_GATEWAY_TOKEN, so this file holds no secret.
      auth: { mode: "token" },
      controlUi: { enabled: true, allowedOrigins },
    },
    update: { checkOnStart: false },
    telemetry: { enabled: false },
    // At debug the file log names each tool call ("embedded run tool start: … tool=exec"), which the run logs panel
    // shows beside the timeline; a tool run then writes about 50 lines (~40 KB) instead of about 8.
    logging: { file: l.gatewayLog, level: "debug" },
    plugins: { enabled: false },
    agents: {
      // Two agents, so the session list's grouping and "new session with agent" can be seen and tested.
      // With more than one agent the gateway needs its default named: `main` stays the default, as before.
      ownership: "explicit",
      defaults: {
        workspace: l.workspace,
        model: { primary: "fake/fake-model" },
        heartbeat: { every: "0m" },
        systemAgent: { agentId: "main" },
      },
      entries: {
        // An explicit workspace: in a roster the default one would move to workspace/main.
        main: { workspace: l.workspace },
        helper: { name: "Helper", workspace: path.join(l.home, "workspace-helper") },
      },
    },
    models: {
      mode: "merge",
      providers: {
        // The second model reasons, so it has thinking levels to choose from (the first offers only "off").
        fake: {
          baseUrl,
          apiKey: "fake-local",
          api: "openai-completions",
          timeoutSeconds: 5,
          models: [model("Fake Model"), model("Fake Thinker (reasons, for thinking-level tests)", "fake-thinker", true)],
        },
        // A second credential: a 401 puts a provider into a persisted cooldown, so 401
        // tests point their session at this one and `fake` stays usable.
        fakeauth: {
          baseUrl,
          apiKey: "fake-auth-isolated",
          api: "openai-completions",
          timeoutSeconds: 5,
          models: [model("Fake Model (separate credential, for 401 tests)")],
        },
      },
    },
  };
}

/**
 * @param {import("./instance.mjs").InstanceLayout} l @param {string} token
 * @param {string} nodeBinDir the pinned Node 24, first on PATH because the gateway spawns helpers with `node`
 */
export function gatewayEnvironment(l, token, nodeBinDir) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Inherited OpenClaw settings or Node loaders (e.g. from a test runner) would change the gateway.
    if (key.startsWith("OPENCLAW_") || key === "NODE_OPTIONS" || key.startsWith("npm_")) continue;
    env[key] = value;
  }
  return Object.assign(env, {
    PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ""}`,
    HOME: l.home,
    OPENCLAW_HOME: l.home,
    OPENCLAW_STATE_DIR: l.state,
    OPENCLAW_CONFIG_PATH: l.config,
    OPENCLAW_GATEWAY_TOKEN: token,
    OPENCLAW_DISABLE_BONJOUR: "1",
    OPENCLAW_SKIP_CHANNELS: "1",
    OPENCLAW_OFFLINE: "1",
    OPENCLAW_NO_AUTO_UPDATE: "1",
    CI: "1",
    DO_NOT_TRACK: "1",
    NO_COLOR: "1",
    TMPDIR: l.tmp,
  });
}
