/**
 * The connect request of a device-less backend client, as the gateway expects it after its challenge:
 * the Node-side tools (e2e set-up, benchmarks) talk to the gateway this way, with no Origin header.
 * @param {string} token @param {readonly string[]} scopes @param {string} version what the client calls itself
 */
export function backendConnectFrame(token, scopes, version) {
  return JSON.stringify({
    type: "req",
    id: "connect",
    method: "connect",
    params: {
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: "gateway-client", version, platform: "node", mode: "backend" },
      role: "operator",
      scopes,
      auth: { token },
    },
  });
}
