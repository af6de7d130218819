/**
 * A stand-in WebSocket for unit tests of the protocol layer, driven by frames
 * recorded from the real gateway. Each instance is one connection attempt; the
 * test decides how the "gateway" answers the connect request.
 */

type Listener = (event: unknown) => void;

export type ConnectAnswer =
  | { kind: "hello"; frame: Record<string, unknown> }
  | { kind: "error"; frame: Record<string, unknown>; closeCode: number; closeReason: string }
  | { kind: "silence" };

export class FakeGatewaySocket {
  static instances: FakeGatewaySocket[] = [];
  readyState = 0;
  readonly sent: Array<Record<string, unknown>> = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly url: string,
    private readonly answer: () => ConnectAnswer,
  ) {
    FakeGatewaySocket.instances.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  private emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** The server accepts the TCP/WS connection and sends its challenge. */
  accept({ challenge = true }: { challenge?: boolean } = {}): void {
    this.readyState = 1;
    this.emit("open", {});
    if (challenge) {
      this.receive({ type: "event", event: "connect.challenge", payload: { nonce: "nonce-1", ts: Date.now(), capabilities: [] } });
    }
  }

  refuse(): void {
    this.readyState = 3;
    this.emit("error", {});
    this.emit("close", { code: 1006, reason: "" });
  }

  receive(frame: unknown): void {
    this.receiveRaw(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  receiveRaw(data: unknown): void {
    this.emit("message", { data });
  }

  serverClose(code: number, reason = ""): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.emit("close", { code, reason });
  }

  send(data: string): void {
    const frame = JSON.parse(data) as Record<string, unknown>;
    this.sent.push(frame);
    if (frame.method !== "connect") return;
    const answer = this.answer();
    if (answer.kind === "silence") return;
    const response = { ...answer.frame, id: frame.id };
    queueMicrotask(() => {
      this.receive(response);
      // The close frame is a later network task than the response, as with a real socket.
      if (answer.kind === "error") setTimeout(() => this.serverClose(answer.closeCode, answer.closeReason), 1);
    });
  }

  close(code?: number, reason?: string): void {
    this.serverClose(code ?? 1000, reason ?? "");
  }

  requests(method: string): Array<Record<string, unknown>> {
    return this.sent.filter((frame) => frame.method === method);
  }
}
