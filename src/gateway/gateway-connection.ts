/**
 * One gateway connection per tab, as a plain TypeScript class (no React): it
 * wires the reference protocol client (handshake, request correlation, seq
 * gaps) to this app's transport, device identity, reconnect policy and the
 * explicit connection state machine, and exposes a subscribe/getSnapshot pair
 * for `useSyncExternalStore`.
 */
import {
  GatewayBrowserDeviceAuthLifecycle,
  GatewayProtocolClient,
  GatewayProtocolRequestError,
  PROTOCOL_VERSION,
  type EventFrame,
  type GatewayBrowserDeviceAuthPlan,
  type GatewayBrowserDeviceIdentity,
  type GatewayBrowserDeviceTokenStore,
  type GatewayProtocolCloseContext,
  type HelloOk,
} from "@openclaw/gateway-client/browser";
import { createLogger, type Logger } from "@/lib/logger";
import { CLIENT_SILENCE_CLOSE_CODE, classifyClose, describeClose, type CloseKind } from "./close-codes";
import { classifyConnectFailure, unreachableFailure, type ConnectFailure } from "./connect-failure";
import { describeHandshakeIdentity, type HandshakeIdentity } from "./handshake-identity";
import { transition, type CloseRecord, type ConnectionEvent, type ConnectionState, type ServerSummary } from "./connection-machine";
import { reconnectDelay } from "./reconnect-policy";
import { createTransport } from "./transport";

export const OPERATOR_SCOPES = ["operator.admin", "operator.read", "operator.write", "operator.approvals"] as const;
const CLIENT_CAPS = ["tool-events"];
/** Before hello-ok we do not know policy.maxPayload; the gateway caps pre-auth frames at 64 KiB but may send more. */
const DEFAULT_MAX_FRAME_CHARS = 26_214_400;
const DEFAULT_TICK_INTERVAL_MS = 30_000;
/** The gateway's own pre-auth budget is 15 s; a challenge that has not come in 8 s is not coming. */
const CHALLENGE_TIMEOUT_MS = 8_000;

/** Things that happened to the connection, in order, for the run timelines and the details view. */
export type ConnectionLogEntry =
  | { type: "disconnected"; at: number; code: number; reason: string; words: string; kind: CloseKind }
  | { type: "restarting"; at: number; reason: string }
  | { type: "connected"; at: number; server: ServerSummary; restarted: boolean; firstConnect: boolean }
  | { type: "gap"; at: number; expected: number; received: number }
  | { type: "rejected-frame"; at: number; reason: string };

export interface BrowserSignals {
  isOnline(): boolean;
  isHidden(): boolean;
  subscribe(onChange: (change: "online" | "offline" | "visible" | "hidden") => void): () => void;
}

export interface GatewayConnectionOptions {
  url: string;
  token?: string;
  clientVersion: string;
  instanceId: string;
  loadIdentity: () => Promise<GatewayBrowserDeviceIdentity>;
  tokenStore: GatewayBrowserDeviceTokenStore;
  createWebSocket?: (url: string) => WebSocket;
  signals?: BrowserSignals;
  logger?: Logger;
  now?: () => number;
  random?: () => number;
  requestTimeoutMs?: number;
  openTimeoutMs?: number;
  locale?: string;
  userAgent?: string;
}

export interface RequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function windowSignals(): BrowserSignals {
  return {
    isOnline: () => navigator.onLine !== false,
    isHidden: () => document.visibilityState === "hidden",
    subscribe(onChange) {
      const online = () => onChange("online");
      const offline = () => onChange("offline");
      const visibility = () => onChange(document.visibilityState === "hidden" ? "hidden" : "visible");
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      document.addEventListener("visibilitychange", visibility);
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        document.removeEventListener("visibilitychange", visibility);
      };
    },
  };
}

function summarizeHello(hello: HelloOk): ServerSummary {
  const snapshot = hello.snapshot as HelloOk["snapshot"] & { uptimeMs?: number; sessionDefaults?: { mainSessionKey?: string } };
  return {
    version: hello.server.version,
    bootId: hello.server.bootId,
    connId: hello.server.connId,
    protocol: hello.protocol,
    tickIntervalMs: hello.policy?.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS,
    maxPayload: hello.policy?.maxPayload ?? DEFAULT_MAX_FRAME_CHARS,
    mainSessionKey: snapshot.sessionDefaults?.mainSessionKey ?? "agent:main:main",
    authMethod: (hello.auth as { method?: string } | undefined)?.method,
    scopes: hello.auth?.scopes ?? [],
    uptimeMs: snapshot.uptimeMs,
  };
}

export class GatewayConnection {
  readonly url: string;
  private readonly options: GatewayConnectionOptions;
  private readonly logger: Logger;
  private readonly lifecycle: GatewayBrowserDeviceAuthLifecycle;
  private readonly client: GatewayProtocolClient<GatewayBrowserDeviceAuthPlan>;
  private readonly signals: BrowserSignals | undefined;
  private state: ConnectionState = { status: "idle" };
  private readonly stateListeners = new Set<() => void>();
  private readonly logListeners = new Set<(entry: ConnectionLogEntry) => void>();
  private lastHello: HelloOk | null = null;
  /** Highest event seq on this connection; anything at or below it is a repeat or arrived late. */
  private highestSeq = 0;
  /** Frames handleEvent judged stale, so listeners never see them. */
  private readonly staleFrames = new WeakSet<EventFrame>();
  private lastHandshakeIdentity: HandshakeIdentity | null = null;
  private previousBootId: string | undefined;
  private everConnected = false;
  private maxFrameChars = DEFAULT_MAX_FRAME_CHARS;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribeSignals: (() => void) | null = null;
  private running = false;

  constructor(options: GatewayConnectionOptions) {
    this.options = options;
    this.url = options.url;
    this.logger = options.logger ?? createLogger("gateway");
    this.signals = options.signals;
    this.lifecycle = new GatewayBrowserDeviceAuthLifecycle({
      loadIdentity: options.loadIdentity,
      tokenStore: options.tokenStore,
      nowMs: () => this.now(),
    });
    this.client = new GatewayProtocolClient<GatewayBrowserDeviceAuthPlan>({
      createSocket: (handlers) => {
        this.dispatch({ type: "attempt-started", at: this.now() });
        return createTransport({
          url: this.url,
          handlers: {
            ...handlers,
            open: () => {
              this.dispatch({ type: "socket-opened", at: this.now() });
              handlers.open();
            },
          },
          createWebSocket: options.createWebSocket ?? ((url) => new WebSocket(url)),
          maxFrameChars: () => this.maxFrameChars,
          openTimeoutMs: options.openTimeoutMs ?? 10_000,
          logger: this.logger,
          onRejectedFrame: (reason) => this.log({ type: "rejected-frame", at: this.now(), reason }),
        });
      },
      createRequestId: () => crypto.randomUUID(),
      buildConnectPlan: async ({ nonce, challengeTs }) => {
        const plan = await this.lifecycle.buildPlan({
          client: this.clientInfo(),
          role: "operator",
          defaultScopes: OPERATOR_SCOPES,
          token: this.options.token,
          nonce,
          challengeTs,
        });
        this.lastHandshakeIdentity = describeHandshakeIdentity(plan, this.clientInfo());
        return plan;
      },
      buildConnectParams: (plan) => ({
        minProtocol: PROTOCOL_VERSION,
        maxProtocol: PROTOCOL_VERSION,
        client: this.clientInfo(),
        role: "operator",
        scopes: plan.scopes,
        caps: CLIENT_CAPS,
        ...(plan.auth ? { auth: plan.auth } : {}),
        ...(plan.device ? { device: plan.device } : {}),
        locale: options.locale ?? (typeof navigator === "undefined" ? "en-US" : navigator.language),
        userAgent: options.userAgent ?? (typeof navigator === "undefined" ? "clawscope" : navigator.userAgent),
      }),
      onConnectHello: (hello, context) => {
        void this.lifecycle.acceptHello(hello, context.plan).catch((error: unknown) => {
          this.logger.warn("could not store the device token", error);
        });
      },
      onHello: (hello) => this.handleHello(hello),
      onConnectFailure: (error) => ({
        closeCode: 4008,
        closeReason: "connect rejected",
        stop: classifyConnectFailure(this.errorShapeOf(error)).terminal,
      }),
      onConnectPlanError: (error) => {
        this.logger.error("could not prepare the handshake", error);
        return { closeCode: 4008, closeReason: "device identity unavailable", stop: true, error };
      },
      resolveClose: (context) => this.resolveClose(context),
      onEvent: (frame) => this.handleEvent(frame),
      // Gaps are judged in handleEvent against the highest seq seen: the library compares with the last frame, so one stale repeat would look like a gap.
      onGap: () => undefined,
      onActivity: () => this.armSilenceWatchdog(),
      onParseError: () => this.logger.warn("ignored a frame that could not be parsed"),
      onCallbackError: (label, error) => this.logger.error(`listener failed (${label})`, error),
      handshake: {
        mode: "require-challenge",
        timeoutMs: CHALLENGE_TIMEOUT_MS,
        timeoutMessage: (elapsed) => `the gateway accepted the socket but sent no challenge in ${elapsed} ms`,
      },
      // Delays come from resolveClose; these values only matter if it ever returns none.
      reconnect: { initialMs: 800, multiplier: 1.7, maxMs: 15_000 },
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      nowMs: () => this.now(),
    });
  }

  // ---- lifecycle -------------------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribeSignals = this.signals?.subscribe((change) => this.handleSignal(change)) ?? null;
    if (this.signals && !this.signals.isOnline()) {
      this.dispatch({ type: "browser-offline", at: this.now() });
      return;
    }
    this.client.start();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.unsubscribeSignals?.();
    this.unsubscribeSignals = null;
    this.clearSilenceWatchdog();
    this.client.stop();
    this.dispatch({ type: "stopped" });
  }

  /** Skips the remaining backoff, or retries after a terminal failure once the user has fixed it. */
  reconnectNow(): void {
    if (!this.running) return this.start();
    if (this.state.status === "online" || this.state.status === "connecting" || this.state.status === "handshaking") return;
    this.client.stop();
    this.client.resetReconnectBackoff(800);
    this.client.start();
  }

  // ---- reading ---------------------------------------------------------------------------

  getSnapshot = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  get hello(): HelloOk | null {
    return this.lastHello;
  }

  /** Who this tab said it was on its latest handshake (client, device, kind of credential); no secret. */
  get handshakeIdentity(): HandshakeIdentity | null {
    return this.lastHandshakeIdentity;
  }

  onEvent(listener: (frame: EventFrame) => void): () => void {
    return this.client.addEventListener((frame) => {
      if (!this.staleFrames.has(frame)) listener(frame);
    });
  }

  onConnectionLog(listener: (entry: ConnectionLogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  request<T>(method: string, params?: unknown, options: RequestOptions = {}): Promise<T> {
    if (this.state.status !== "online") {
      return Promise.reject(new GatewayNotConnectedError(method, this.state.status));
    }
    return this.client.request<T>(method, params, { timeoutMs: options.timeoutMs, signal: options.signal });
  }

  // ---- internals -------------------------------------------------------------------------

  private clientInfo() {
    return {
      id: "openclaw-control-ui" as const,
      displayName: "Clawscope",
      version: `clawscope/${this.options.clientVersion}`,
      platform: "web",
      mode: "webchat" as const,
      instanceId: this.options.instanceId,
      ...(typeof Intl !== "undefined" ? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } : {}),
    };
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private dispatch(event: ConnectionEvent): void {
    const next = transition(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.stateListeners) listener();
  }

  private log(entry: ConnectionLogEntry): void {
    for (const listener of this.logListeners) {
      try {
        listener(entry);
      } catch (error) {
        this.logger.error("connection log listener failed", error);
      }
    }
  }

  private errorShapeOf(error: unknown) {
    if (error instanceof GatewayProtocolRequestError) {
      return {
        code: error.gatewayCode,
        message: error.message,
        details: error.details,
        retryable: error.retryable,
        retryAfterMs: error.retryAfterMs,
      };
    }
    return { message: error instanceof Error ? error.message : String(error) };
  }

  private handleHello(hello: HelloOk): void {
    // Each connection numbers its events from the start again.
    this.highestSeq = 0;
    this.lastHello = hello;
    const server = summarizeHello(hello);
    this.maxFrameChars = server.maxPayload;
    const restarted = this.previousBootId !== undefined && server.bootId !== undefined && server.bootId !== this.previousBootId;
    this.dispatch({ type: "hello", at: this.now(), server, previousBootId: this.previousBootId });
    this.log({ type: "connected", at: this.now(), server, restarted, firstConnect: !this.everConnected });
    this.previousBootId = server.bootId ?? this.previousBootId;
    this.everConnected = true;
    this.armSilenceWatchdog();
  }

  private handleEvent(frame: EventFrame): void {
    if (typeof frame.seq === "number") {
      if (frame.seq <= this.highestSeq) {
        this.staleFrames.add(frame);
        this.logger.debug(`ignored a repeated or late event (seq ${frame.seq}, already at ${this.highestSeq})`);
        return;
      }
      if (this.highestSeq > 0 && frame.seq > this.highestSeq + 1) this.log({ type: "gap", at: this.now(), expected: this.highestSeq + 1, received: frame.seq });
      this.highestSeq = frame.seq;
    }
    if (frame.event === "shutdown") {
      const payload = (frame.payload ?? {}) as { reason?: unknown };
      const reason = typeof payload.reason === "string" ? payload.reason : "gateway stopping";
      this.dispatch({ type: "shutdown-announced", at: this.now(), reason });
      this.log({ type: "restarting", at: this.now(), reason });
    }
  }

  private resolveClose(context: GatewayProtocolCloseContext) {
    this.clearSilenceWatchdog();
    const at = this.now();
    const close: CloseRecord = { code: context.code, reason: context.reason, words: describeClose(context.code, context.reason), at };
    let failure: ConnectFailure | undefined;
    let kind: CloseKind;

    if (context.connectFailure?.error instanceof GatewayProtocolRequestError) {
      failure = classifyConnectFailure(this.errorShapeOf(context.connectFailure.error));
      kind = failure.terminal
        ? "terminal"
        : failure.kind === "gateway-starting"
          ? "starting"
          : failure.kind === "gateway-restarting"
            ? "restart"
            : "transient";
    } else if (context.connectFailure?.error && context.connectRequestSent === false && /device|identity|webcrypto/i.test(context.connectFailure.error.message)) {
      failure = {
        kind: "device-identity",
        title: "No device identity",
        message: context.connectFailure.error.message,
        nextStep: "Open Clawscope over https or from localhost/127.0.0.1, then connect again.",
        terminal: true,
      };
      kind = "terminal";
    } else if (!context.socketOpened) {
      failure = unreachableFailure(this.url);
      kind = "transient";
    } else if (!context.helloReceived && (!context.connectRequestSent || context.code === CLIENT_SILENCE_CLOSE_CODE || context.code === 1000)) {
      // Open socket, no usable handshake: something answers on that port but does not complete the gateway handshake.
      failure = unreachableFailure(this.url, "the gateway accepted the connection but did not complete the handshake");
      kind = "transient";
    } else if (context.code === 4008 && context.reason === "connect rejected") {
      kind = "terminal";
    } else {
      kind = this.state.status === "restarting" && context.code !== 1013 ? "restart" : classifyClose(context.code, context.reason).kind;
    }

    const offline = this.signals ? !this.signals.isOnline() : false;
    const attempt = ("attempt" in this.state ? this.state.attempt : 0) + 1;
    const delay = offline
      ? null
      : reconnectDelay(
          { kind, attempt, retryAfterMs: failure?.retryAfterMs, hidden: this.signals?.isHidden() ?? false },
          undefined,
          this.options.random,
        );

    if (context.helloReceived) {
      this.log({ type: "disconnected", at, code: close.code, reason: close.reason, words: close.words, kind });
    }
    if (failure?.terminal) this.logger.warn(`connection failed: ${failure.title}`, { code: failure.detailCode, message: failure.message });

    this.dispatch({ type: "closed", at, close, kind, retryInMs: delay, failure, browserOffline: offline });
    return { retry: delay !== null, notify: true, ...(delay !== null ? { reconnectDelayMs: delay } : {}) };
  }

  private handleSignal(change: "online" | "offline" | "visible" | "hidden"): void {
    if (change === "offline") {
      this.dispatch({ type: "browser-offline", at: this.now() });
      if (this.state.status === "offline") this.client.stop();
    } else if (change === "online") {
      if (this.state.status === "offline") {
        this.dispatch({ type: "browser-online", at: this.now() });
        this.client.resetReconnectBackoff(800);
        this.client.start();
      }
    } else if (change === "visible" && (this.state.status === "backing-off" || this.state.status === "restarting")) {
      // Someone is looking again: do not make them wait out a hidden-tab backoff.
      this.reconnectNow();
    }
  }

  private armSilenceWatchdog(): void {
    if (this.state.status !== "online") return;
    this.clearSilenceWatchdog();
    const tick = this.lastHello?.policy?.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS;
    this.silenceTimer = setTimeout(() => {
      this.logger.warn(`no frame for ${2 * tick} ms; reconnecting`);
      this.client.closeSocket(CLIENT_SILENCE_CLOSE_CODE, "tick timeout");
    }, 2 * tick);
  }

  private clearSilenceWatchdog(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }
}

export class GatewayNotConnectedError extends Error {
  constructor(method: string, status: string) {
    super(`cannot call ${method}: the gateway connection is ${status}`);
    this.name = "GatewayNotConnectedError";
  }
}
