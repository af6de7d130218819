/**
 * This tab's side of the connect handshake: who it says it is (a Control
 * UI-compatible webchat client with operator scopes and the tool-events
 * capability, without which the gateway streams no tool events), the signed
 * device plan, and the device token the gateway hands back in hello-ok.
 *
 * It asks for the fewest scopes the views need: read (history, sessions, logs,
 * models and auth status, presence, health), write (chat.send, chat.abort, a
 * session's model) and approvals. operator.admin is asked for only while the
 * user takes an admin action (models.probe: "Test provider"; admin-access.ts).
 */
import {
  GatewayBrowserDeviceAuthLifecycle,
  PROTOCOL_VERSION,
  type ConnectParams,
  type GatewayBrowserDeviceAuthPlan,
  type GatewayBrowserDeviceIdentity,
  type GatewayBrowserDeviceTokenStore,
  type HelloOk,
} from "@openclaw/gateway-client/browser";
import type { Logger } from "@/lib/logger";
import { describeHandshakeIdentity, type HandshakeIdentity } from "./handshake-identity";

export const OPERATOR_SCOPES = ["operator.read", "operator.write", "operator.approvals"] as const;
export const ADMIN_SCOPE = "operator.admin";
const CLIENT_CAPS = ["tool-events"];

export type ClientInfo = ConnectParams["client"];

export function clientInfo(clientVersion: string, instanceId: string): ClientInfo {
  return {
    id: "openclaw-control-ui",
    displayName: "Clawscope",
    version: `clawscope/${clientVersion}`,
    platform: "web",
    mode: "webchat",
    instanceId,
    ...(typeof Intl !== "undefined" ? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } : {}),
  };
}

export interface BrowserLocale {
  locale?: string;
  userAgent?: string;
}

export function connectParams(plan: GatewayBrowserDeviceAuthPlan, client: ClientInfo, browser: BrowserLocale = {}): ConnectParams {
  return {
    minProtocol: PROTOCOL_VERSION,
    maxProtocol: PROTOCOL_VERSION,
    client,
    role: "operator",
    scopes: plan.scopes,
    caps: CLIENT_CAPS,
    ...(plan.auth ? { auth: plan.auth } : {}),
    ...(plan.device ? { device: plan.device } : {}),
    locale: browser.locale ?? (typeof navigator === "undefined" ? "en-US" : navigator.language),
    userAgent: browser.userAgent ?? (typeof navigator === "undefined" ? "clawscope" : navigator.userAgent),
  };
}

export interface DeviceHandshakeOptions extends BrowserLocale {
  clientVersion: string;
  instanceId: string;
  token?: string;
  loadIdentity: () => Promise<GatewayBrowserDeviceIdentity>;
  tokenStore: GatewayBrowserDeviceTokenStore;
  nowMs: () => number;
  logger: Logger;
}

export class DeviceHandshake {
  private readonly options: DeviceHandshakeOptions;
  private readonly lifecycle: GatewayBrowserDeviceAuthLifecycle;
  private lastIdentity: HandshakeIdentity | null = null;
  /** Whether the next handshakes ask for operator.admin as well. */
  admin = false;

  constructor(options: DeviceHandshakeOptions) {
    this.options = options;
    this.lifecycle = new GatewayBrowserDeviceAuthLifecycle({ loadIdentity: options.loadIdentity, tokenStore: options.tokenStore, nowMs: options.nowMs });
  }

  /** Who this tab said it was on its latest handshake (client, device, kind of credential); no secret. */
  get identity(): HandshakeIdentity | null {
    return this.lastIdentity;
  }

  async plan(challenge: { nonce: string | null; challengeTs: number | null | undefined }): Promise<GatewayBrowserDeviceAuthPlan> {
    const client = this.client();
    const plan = await this.lifecycle.buildPlan({
      client,
      role: "operator",
      defaultScopes: this.admin ? [ADMIN_SCOPE, ...OPERATOR_SCOPES] : OPERATOR_SCOPES,
      token: this.options.token,
      nonce: challenge.nonce,
      challengeTs: challenge.challengeTs,
    });
    this.lastIdentity = describeHandshakeIdentity(plan, client);
    return plan;
  }

  params(plan: GatewayBrowserDeviceAuthPlan): ConnectParams {
    return connectParams(plan, this.client(), this.options);
  }

  /** Keeps the device token from hello-ok for the next connect; failing to store it does not undo this one. */
  accept(hello: HelloOk, plan: GatewayBrowserDeviceAuthPlan): void {
    void this.lifecycle.acceptHello(hello, plan).catch((error: unknown) => {
      this.options.logger.warn("could not store the device token", error);
    });
  }

  private client(): ClientInfo {
    return clientInfo(this.options.clientVersion, this.options.instanceId);
  }
}
