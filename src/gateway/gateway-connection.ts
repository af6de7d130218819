/**
 * One gateway connection per tab, as a plain TypeScript class (no React): it
 * wires the reference protocol client (handshake, request correlation) to this
 * app's transport, device handshake, close resolution, seq tracking, browser
 * signals and the explicit connection state machine, and exposes a
 * subscribe/getSnapshot pair for `useSyncExternalStore`.
 */
import {
  GatewayProtocolClient,
  type EventFrame,
  type GatewayBrowserDeviceAuthPlan,
  type GatewayBrowserDeviceIdentity,
  type GatewayBrowserDeviceTokenStore,
  type GatewayProtocolCloseContext,
  type HelloOk,
} from "@openclaw/gateway-client/browser";
import { createLogger, type Logger } from "@/lib/logger";
import { responseToSignal, type BrowserSignal, type BrowserSignals } from "./browser-signals";
import { CLIENT_RESCOPE_CLOSE_CODE, CLIENT_SILENCE_CLOSE_CODE } from "./close-codes";
import { connectRejection, resolveClose } from "./close-resolution";
import { isBetweenAttempts, transition, type ConnectionEvent, type ConnectionState } from "./connection-machine";
import { bootChanged, DEFAULT_MAX_FRAME_CHARS, summarizeHello, type ServerSummary } from "./hello";
import { DeviceHandshake } from "./device-handshake";
import { GatewayNotConnectedError } from "./request-errors";
import { GatewayClock } from "./gateway-clock";
import type { HandshakeIdentity } from "./handshake-identity";
import { DEFAULT_BACKOFF } from "./reconnect-policy";
import { SeqTracker } from "./seq-tracker";
import { SilenceWatchdog } from "./silence-watchdog";
import type { ConnectionLogEntry } from "./connection-log";
import { createTransport } from "./transport";

/** The gateway's own pre-auth budget is 15 s; a challenge that has not come in 8 s is not coming. */
const CHALLENGE_TIMEOUT_MS = 8_000;

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

export class GatewayConnection {
  readonly url: string;
  private readonly options: GatewayConnectionOptions;
  private readonly logger: Logger;
  private readonly handshake: DeviceHandshake;
  private readonly client: GatewayProtocolClient<GatewayBrowserDeviceAuthPlan>;
  private readonly signals: BrowserSignals | undefined;
  private state: ConnectionState = { status: "idle" };
  private readonly stateListeners = new Set<() => void>();
  private readonly logListeners = new Set<(entry: ConnectionLogEntry) => void>();
  private lastHello: HelloOk | null = null;
  private server: ServerSummary | null = null;
  private readonly seq = new SeqTracker();
  /** The gateway's clock against this browser's, for comparing its times (log lines, history) with ours. */
  readonly clock = new GatewayClock();
  private previousBootId: string | undefined;
  private everConnected = false;
  private readonly silence: SilenceWatchdog;
  private unsubscribeSignals: (() => void) | null = null;
  private running = false;

  constructor(options: GatewayConnectionOptions) {
    this.options = options;
    this.url = options.url;
    this.logger = options.logger ?? createLogger("gateway");
    this.signals = options.signals;
    this.handshake = new DeviceHandshake({ ...options, nowMs: () => this.now(), logger: this.logger });
    this.silence = new SilenceWatchdog((silentMs) => {
      this.logger.warn(`no frame for ${silentMs} ms; reconnecting`);
      this.client.closeSocket(CLIENT_SILENCE_CLOSE_CODE, "tick timeout");
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
          maxFrameChars: () => this.server?.maxPayload ?? DEFAULT_MAX_FRAME_CHARS,
          openTimeoutMs: options.openTimeoutMs ?? 10_000,
          logger: this.logger,
          onRejectedFrame: (reason) => this.log({ type: "rejected-frame", at: this.now(), reason }),
        });
      },
      createRequestId: () => crypto.randomUUID(),
      buildConnectPlan: (challenge) => {
        this.clock.observe(challenge.challengeTs, this.now());
        return this.handshake.plan(challenge);
      },
      buildConnectParams: (plan) => this.handshake.params(plan),
      onConnectHello: (hello, context) => this.handshake.accept(hello, context.plan),
      onHello: (hello) => this.handleHello(hello),
      onConnectFailure: (error) => connectRejection(error),
      onConnectPlanError: (error) => {
        this.logger.error("could not prepare the handshake", error);
        return { closeCode: 4008, closeReason: "device identity unavailable", stop: true, error };
      },
      resolveClose: (context) => this.handleClose(context),
      onEvent: (frame) => this.handleEvent(frame),
      // Gaps are judged in handleEvent against the highest seq seen (seq-tracker.ts).
      onGap: () => undefined,
      onActivity: () => this.armSilenceWatchdog(),
      onParseError: () => this.logger.warn("ignored a frame that could not be parsed"),
      onCallbackError: (label, error) => this.logger.error(`listener failed (${label})`, error),
      handshake: {
        mode: "require-challenge",
        timeoutMs: CHALLENGE_TIMEOUT_MS,
        timeoutMessage: (elapsed) => `the gateway accepted the socket but sent no challenge in ${elapsed} ms`,
      },
      // The library's supervisor runs the timer; every delay comes from resolveClose (reconnect-policy.ts).
      reconnect: { initialMs: DEFAULT_BACKOFF.initialMs, multiplier: DEFAULT_BACKOFF.multiplier, maxMs: DEFAULT_BACKOFF.maxMs },
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      nowMs: () => this.now(),
    });
  }

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
    this.silence.clear();
    this.client.stop();
    this.dispatch({ type: "stopped" });
  }

  /**
   * Skips the remaining wait (or retries after a terminal failure once the user has fixed it). It is one
   * more attempt: the counter goes on and the next wait follows from it. Does nothing while an attempt runs.
   */
  reconnectNow(): void {
    if (!this.running) return this.start();
    if (!isBetweenAttempts(this.state)) return;
    this.client.stop();
    this.client.resetReconnectBackoff(DEFAULT_BACKOFF.initialMs);
    this.client.start();
  }

  /** Connects again with or without operator.admin (see admin-access.ts). */
  rescope(admin: boolean): void {
    this.handshake.admin = admin;
    if (this.state.status === "online") this.client.closeSocket(CLIENT_RESCOPE_CLOSE_CODE, "reconnecting with other scopes");
    else this.reconnectNow();
  }

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
    return this.handshake.identity;
  }

  onEvent(listener: (frame: EventFrame) => void): () => void {
    return this.client.addEventListener((frame) => {
      if (!this.seq.isStale(frame)) listener(frame);
    });
  }

  onConnectionLog(listener: (entry: ConnectionLogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  request<T>(method: string, params?: unknown, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    if (this.state.status !== "online") return Promise.reject(new GatewayNotConnectedError(method, this.state.status));
    return this.client.request<T>(method, params, { timeoutMs: options.timeoutMs, signal: options.signal });
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

  private handleHello(hello: HelloOk): void {
    this.seq.restart();
    this.lastHello = hello;
    const server = summarizeHello(hello);
    this.server = server;
    const restarted = bootChanged(this.previousBootId, server.bootId);
    this.dispatch({ type: "hello", at: this.now(), server, previousBootId: this.previousBootId });
    this.log({ type: "connected", at: this.now(), server, restarted, firstConnect: !this.everConnected });
    this.previousBootId = server.bootId ?? this.previousBootId;
    this.everConnected = true;
    this.armSilenceWatchdog();
    this.signals?.announceOnline?.();
  }

  private handleEvent(frame: EventFrame): void {
    const verdict = this.seq.admit(frame);
    if (verdict.kind === "stale") {
      this.logger.debug(`ignored a repeated or late event (seq ${frame.seq}, already at ${verdict.highestSeq})`);
      return;
    }
    if (verdict.kind === "gap") this.log({ type: "gap", at: this.now(), expected: verdict.expected, received: verdict.received });
    if (verdict.kind === "gap" && verdict.rebaselined) this.logger.warn(`seq jumped from ${verdict.expected - 1} to ${verdict.received}; counting again from the next event`);
    if (frame.event === "tick") this.clock.observe((frame.payload as { ts?: unknown } | undefined)?.ts, this.now());
    if (frame.event === "shutdown") {
      const payload = (frame.payload ?? {}) as { reason?: unknown };
      const reason = typeof payload.reason === "string" ? payload.reason : "gateway stopping";
      this.dispatch({ type: "shutdown-announced", at: this.now(), reason });
      this.log({ type: "restarting", at: this.now(), reason });
    }
  }

  private handleClose(context: GatewayProtocolCloseContext) {
    this.silence.clear();
    const browserOffline = this.signals ? !this.signals.isOnline() : false;
    const { close, kind, failure, retryInMs } = resolveClose(context, {
      url: this.url,
      state: this.state,
      at: this.now(),
      browserOffline,
      tabHidden: this.signals?.isHidden() ?? false,
      random: this.options.random,
    });
    if (context.helloReceived) {
      this.log({ type: "disconnected", at: close.at, code: close.code, reason: close.reason, words: close.words, kind });
    }
    if (failure?.terminal) this.logger.warn(`connection failed: ${failure.title}`, { code: failure.detailCode, message: failure.message });

    this.dispatch({ type: "closed", at: close.at, close, kind, retryInMs, failure, browserOffline });
    return { retry: retryInMs !== null, notify: true, ...(retryInMs !== null ? { reconnectDelayMs: retryInMs } : {}) };
  }

  private handleSignal(signal: BrowserSignal): void {
    const response = responseToSignal(signal, this.state.status);
    if (response === "go-offline") {
      this.dispatch({ type: "browser-offline", at: this.now() });
      if (this.state.status === "offline") this.client.stop();
    } else if (response === "resume") {
      this.dispatch({ type: "browser-online", at: this.now() });
      this.client.resetReconnectBackoff(DEFAULT_BACKOFF.initialMs);
      this.client.start();
    } else if (response === "reconnect-now") {
      this.reconnectNow();
    }
  }

  private armSilenceWatchdog(): void {
    if (this.state.status === "online" && this.server) this.silence.arm(this.server.tickIntervalMs);
  }
}
