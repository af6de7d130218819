/** A session's transcript (`chat.history`), as TanStack Query server state. */
import { queryOptions } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { createLogger } from "@/lib/logger";
import { readPendingInputs, type PendingInput } from "@/lib/pending-inputs";
import { cursorAfterRead, mergeDelta, pageAfterDelta, readDeltaAnswer, readFoundIdle } from "../model/history-delta";
import { pageInfoOf, type HistoryPageInfo } from "../model/history-pages";

export interface InFlightRun {
  runId: string;
  text: string;
  startedAt?: number;
}

export interface ChatHistory {
  sessionKey: string;
  /** When this copy was asked for: runs started after it are not in it yet. */
  requestedAt: number;
  messages: unknown[];
  /** Per-message activity (readable tool titles), passed through to the run timelines. */
  activity: unknown;
  /** The raw in-flight run and session row, passed through to the run timelines. */
  inFlightRunRaw: unknown;
  sessionInfoRaw: unknown;
  inFlightRun: InFlightRun | null;
  /** Messages the gateway accepted but has not taken into a run: waiting, or dropped (cancelled, interrupted). */
  pendingInputs?: PendingInput[];
  activeRunIds: string[];
  hasActiveRun: boolean;
  model?: string;
  /** Where this tail page sits in the whole session: what is older, and how much there is. */
  page: HistoryPageInfo;
  /** Where the next read catches up from: the cursor of the last read that found the session idle. */
  deltaCursor?: string;
}

/** Every session's history on one gateway: what to refetch when all of them may have moved on. */
export const chatHistoriesQueryKey = (gatewayUrl: string) => ["chat-history", gatewayUrl] as const;
export const chatHistoryQueryKey = (gatewayUrl: string, sessionKey: string) => [...chatHistoriesQueryKey(gatewayUrl), sessionKey] as const;

export function parseChatHistory(sessionKey: string, payload: unknown, requestedAt = Date.now()): ChatHistory {
  const record = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
  const info = (record.sessionInfo && typeof record.sessionInfo === "object" ? record.sessionInfo : {}) as Record<string, unknown>;
  const inFlightRun = runningNotWaiting(record.inFlightRun, record.pendingInputs);
  const inFlight = inFlightRun as Record<string, unknown> | undefined;
  const provider = typeof info.modelProvider === "string" ? info.modelProvider : undefined;
  const model = typeof info.model === "string" ? info.model : undefined;
  return {
    sessionKey,
    requestedAt,
    messages: Array.isArray(record.messages) ? record.messages : [],
    activity: record.activity,
    inFlightRunRaw: inFlightRun,
    sessionInfoRaw: record.sessionInfo,
    inFlightRun:
      inFlight && typeof inFlight.runId === "string"
        ? { runId: inFlight.runId, text: typeof inFlight.text === "string" ? inFlight.text : "", startedAt: typeof inFlight.startedAt === "number" ? inFlight.startedAt : undefined }
        : null,
    pendingInputs: readPendingInputs(record.pendingInputs),
    activeRunIds: Array.isArray(info.activeRunIds) ? info.activeRunIds.filter((id): id is string => typeof id === "string") : [],
    hasActiveRun: info.hasActiveRun === true,
    model: model ? (provider && !model.includes("/") ? `${provider}/${model}` : model) : undefined,
    page: pageInfoOf(payload),
    ...(typeof record.deltaCursor === "string" && record.deltaCursor !== "" && readFoundIdle(record.sessionInfo, record.inFlightRun) ? { deltaCursor: record.deltaCursor } : {}),
  };
}

/**
 * `inFlightRun`, unless it names a message still waiting in `pendingInputs`: while a message sent during a reply
 * waits to be steered into it, the gateway reports that message's run id as in flight (steer-default-mode.jsonl,
 * the read during the tool), though it never runs under it. Taken as running, it would show a second live reply.
 */
function runningNotWaiting(inFlightRun: unknown, pendingInputs: unknown): unknown {
  const runId = inFlightRun && typeof inFlightRun === "object" ? (inFlightRun as Record<string, unknown>).runId : undefined;
  const items = pendingInputs && typeof pendingInputs === "object" ? (pendingInputs as Record<string, unknown>).items : undefined;
  const waiting = Array.isArray(items) && items.some((item) => item && typeof item === "object" && (item as Record<string, unknown>).runId === runId);
  return runId !== undefined && waiting ? undefined : inFlightRun;
}

/** The tail a plain read returns; the first turns of a long session are read as older pages. */
export const TAIL_LIMIT = 200;
/** The most rows the gateway returns for one `chat.history` read. */
const MAX_LIMIT = 1_000;

/**
 * Older pages, oldest-first position anchored to the session's whole record
 * (the gateway counts offsets from the newest record, which moves as messages
 * arrive; an index from the oldest record does not).
 */
export interface OlderHistoryPage {
  rows: unknown[];
  /** Index, from the session's first record, where the next older page ends. */
  startsAt: number;
  /** Index just past this page's newest record. */
  endsAt: number;
  hasMore: boolean;
}

export const olderHistoryQueryKey = (gatewayUrl: string, sessionKey: string) => ["chat-history-older", gatewayUrl, sessionKey] as const;

/** Where the tail starts in the whole record (0 when it reaches the first message). */
export function tailStartsAt(page: HistoryPageInfo): number | undefined {
  if (!page.hasMore) return 0;
  return page.totalMessages !== undefined && page.nextOffset !== undefined ? page.totalMessages - page.nextOffset : undefined;
}

/**
 * How many rows the tail read asks for: 200, or enough to reach back to the
 * older pages already shown, so the rows between them and a tail that moved on
 * are not skipped.
 */
export function tailLimit(previousTotal: number | undefined, olderEndsAt: number | undefined): number {
  if (previousTotal === undefined || olderEndsAt === undefined) return TAIL_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(TAIL_LIMIT, previousTotal - olderEndsAt + 50));
}

const logger = createLogger("chat-history");

/**
 * Only what was written since the held copy's cursor,
 * merged into it. Undefined when that cannot be trusted (a reset, an error,
 * an answer of another shape, a row missing from the held copy): the tail is
 * then read whole, as on any other read.
 */
async function catchUp(connection: GatewayConnection, held: ChatHistory & { deltaCursor: string }, requestedAt: number): Promise<ChatHistory | undefined> {
  const { sessionKey } = held;
  let payload: unknown;
  try {
    payload = await connection.request("chat.history", { sessionKey, cursor: held.deltaCursor });
  } catch (error) {
    logger.debug("catching up on history failed; reading the tail", error);
    return undefined;
  }
  const answer = readDeltaAnswer(payload);
  if (answer.kind !== "delta") {
    logger.debug(`history catch-up: ${answer.kind === "reset" ? "the gateway said reset" : answer.reason}; reading the tail`);
    return undefined;
  }
  const { delta } = answer;
  const merged = mergeDelta(held.messages, held.activity, delta);
  if (merged.kind === "gap") {
    logger.debug(`history catch-up: ${merged.reason}; reading the tail`);
    return undefined;
  }
  const history = parseChatHistory(
    sessionKey,
    { messages: merged.rows, activity: merged.activity.length > 0 ? merged.activity : undefined, sessionInfo: delta.sessionInfo, inFlightRun: delta.inFlightRun, pendingInputs: delta.pendingInputs },
    requestedAt,
  );
  const deltaCursor = cursorAfterRead(held.deltaCursor, { cursor: delta.cursor, idle: readFoundIdle(delta.sessionInfo, delta.inFlightRun) });
  return { ...history, page: pageAfterDelta(held.page, merged.added), deltaCursor };
}

export function chatHistoryQueryOptions(connection: GatewayConnection, queryClient: QueryClient, sessionKey: string, enabled: boolean) {
  const olderKey = olderHistoryQueryKey(connection.url, sessionKey);
  return queryOptions({
    queryKey: chatHistoryQueryKey(connection.url, sessionKey),
    queryFn: async (): Promise<ChatHistory> => {
      const requestedAt = Date.now();
      const older = queryClient.getQueryData<OlderHistoryPage[]>(olderKey) ?? [];
      const previous = queryClient.getQueryData<ChatHistory>(chatHistoryQueryKey(connection.url, sessionKey));
      // Any read after the first (a run ended, a reconnect) asks only for what changed since the last idle read.
      if (previous?.deltaCursor !== undefined) {
        const caughtUp = await catchUp(connection, { ...previous, deltaCursor: previous.deltaCursor }, requestedAt);
        if (caughtUp) return caughtUp;
      }
      const limit = tailLimit(previous?.page.totalMessages, older[0]?.endsAt);
      const history = parseChatHistory(sessionKey, await connection.request("chat.history", { sessionKey, limit }), requestedAt);
      const startsAt = tailStartsAt(history.page);
      // Still a gap (far more new messages than one read holds), or the tail now reaches the first message (the
      // session was reset): drop the older pages rather than show a transcript with a hole or with rows that are gone.
      if (older[0] && (startsAt === undefined || startsAt > older[0].endsAt || !history.page.hasMore)) queryClient.setQueryData(olderKey, []);
      return { ...history, deltaCursor: history.deltaCursor ?? previous?.deltaCursor };
    },
    enabled,
    staleTime: 5_000,
  });
}

/** Reads the page just older than what is shown; the caller adds it to the older pages. */
export async function readOlderPage(connection: GatewayConnection, sessionKey: string, startsAt: number, knownTotal: number): Promise<OlderHistoryPage> {
  const offset = Math.max(0, knownTotal - startsAt);
  const payload = await connection.request<unknown>("chat.history", { sessionKey, limit: TAIL_LIMIT, offset });
  const page = pageInfoOf(payload);
  const total = page.totalMessages ?? knownTotal;
  const record = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  return {
    rows: Array.isArray(record.messages) ? record.messages : [],
    endsAt: total - offset,
    startsAt: page.hasMore && page.nextOffset !== undefined ? total - page.nextOffset : 0,
    hasMore: page.hasMore,
  };
}
