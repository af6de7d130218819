export const DEFAULTS = { uiPort: 5173, gatewayPort: 19789, providerPort: 19790, instance: ".clawscope/embedded" };

export const HELP = `Usage: npm start [-- options]

Starts the Clawscope UI and an embedded OpenClaw gateway with a scripted model.

Options:
  --port N            UI port (default ${DEFAULTS.uiPort}, or env CLAWSCOPE_PORT)
  --gateway URL       use an existing gateway (ws://HOST:PORT) instead of the embedded one;
                      its token comes from env OPENCLAW_GATEWAY_TOKEN
  --dev               run Vite's dev server (hot reload) instead of the production build
  --fresh             wipe the embedded gateway's state (sessions, history) first
  --gateway-port N    embedded gateway port (default ${DEFAULTS.gatewayPort})
  --provider-port N   scripted model provider port (default ${DEFAULTS.providerPort})
  --instance DIR      embedded gateway folder (default ${DEFAULTS.instance})
  --dist DIR          serve this folder instead of building dist/
  -h, --help          show this help`;

/** @param {string[]} argv */
export function parseArgs(argv) {
  /** @type {Record<string, string | boolean>} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") out.help = true;
    else if (arg === "--dev" || arg === "--fresh") out[arg.slice(2)] = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (!["port", "gateway", "gateway-port", "provider-port", "instance", "dist"].includes(name)) throw new Error(`Unknown option ${arg} (see --help)`);
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("--")) throw new Error(`Option --${name} needs a value`);
      out[name] = value;
    } else throw new Error(`Unexpected argument ${arg} (see --help)`);
  }
  return out;
}

/** @param {string | boolean | undefined} value @param {number} fallback @param {string} name */
function portOption(value, fallback, name) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got ${value}`);
  return n;
}

/** Ports, instance and gateway choice, validated. @param {ReturnType<typeof parseArgs>} opts @param {NodeJS.ProcessEnv} env */
export function resolveOptions(opts, env) {
  const uiPort = portOption(opts.port ?? env.CLAWSCOPE_PORT, DEFAULTS.uiPort, "--port");
  const gatewayPort = portOption(opts["gateway-port"], DEFAULTS.gatewayPort, "--gateway-port");
  const providerPort = portOption(opts["provider-port"], DEFAULTS.providerPort, "--provider-port");
  const instanceRel = typeof opts.instance === "string" ? opts.instance : DEFAULTS.instance;
  const external = typeof opts.gateway === "string" ? opts.gateway : null;
  if (external && !/^wss?:\/\/[^/\s]+/.test(external)) throw new Error(`--gateway must be a ws:// or wss:// URL, got ${external}`);
  return {
    uiPort,
    gatewayPort,
    providerPort,
    instanceRel,
    external,
    dev: opts.dev === true,
    fresh: opts.fresh === true,
    dist: typeof opts.dist === "string" ? opts.dist : null,
  };
}
