/**
 * "Fork from here": `sessions.fork` copies a session's transcript before one saved user message into a new
 * session and answers with the new session's key, that message's text (`editorText`) and the pictures it carried
 * (`editorAttachments`, read back from the gateway's media store) for the composer. The gateway takes no name for
 * the fork, so it is labelled at once ("Fork of …", `sessions.patch`), and the session list is read again before
 * the new session opens, so its heading and row show that name from the start. A failed fork rereads the list
 * too (an unanswered request may still have forked).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { gatewayRefusalOf } from "@/gateway/request-errors";
import { useGateway } from "@/providers/gateway-provider";
import { FORK_LABEL_TRIES, firstFreeForkAttempt, forkLabelCandidate, isLabelTaken } from "../model/fork-label";
import { parseSessionRows, placeholderRow, type SessionRow } from "../model/session-row";
import { sessionsQueryKey } from "./sessions-query";

export interface ForkRequest {
  sessionKey: string;
  /** The user message's transcript entry id: the new session holds everything before it. */
  entryId: string;
  /** The message as shown, for the composer when the gateway sends no `editorText`. */
  text: string;
}

/** A file the gateway gave back with the forked message: only pictures, as base64, without their names. */
export interface ForkedFile {
  mimeType: string;
  data: string;
}

export interface ForkedSession {
  sessionKey: string;
  /** The text to put in the new session's composer. */
  draft: string;
  files: ForkedFile[];
  /** The name it was given; undefined when the gateway took none (it is then named by its key). */
  label?: string;
}

function readFiles(value: unknown): ForkedFile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = item && typeof item === "object" ? (item as Record<string, unknown>) : {};
    return typeof record.mimeType === "string" && typeof record.data === "string" && record.data !== "" ? [{ mimeType: record.mimeType, data: record.data }] : [];
  });
}

export function readForkAnswer(payload: unknown, request: ForkRequest): ForkedSession {
  const record = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  if (typeof record.sessionKey !== "string" || record.sessionKey === "") throw new Error("the gateway answered without naming the new session");
  return { sessionKey: record.sessionKey, draft: typeof record.editorText === "string" ? record.editorText : request.text, files: readFiles(record.editorAttachments) };
}

/**
 * Names the fork after its source, as the list shows the source. A name another session holds is refused by the
 * gateway: the next number is tried. Any other refusal or a lost answer leaves the fork unnamed, not unopened.
 */
async function labelFork(connection: GatewayConnection, forkKey: string, sourceKey: string, rows: readonly SessionRow[]): Promise<string | undefined> {
  const sourceName = (rows.find((row) => row.key === sourceKey) ?? placeholderRow(sourceKey)).title;
  const first = firstFreeForkAttempt(sourceName, new Set(rows.flatMap((row) => (row.label ? [row.label] : []))));
  for (let attempt = first; attempt < first + FORK_LABEL_TRIES; attempt += 1) {
    const label = forkLabelCandidate(sourceName, attempt);
    try {
      await connection.request<unknown>("sessions.patch", { key: forkKey, label });
      return label;
    } catch (error) {
      const refusal = gatewayRefusalOf(error);
      if (!refusal || !isLabelTaken(refusal.message)) return undefined;
    }
  }
  return undefined;
}

/** The failure in words: the gateway's own message when it refused, else what went wrong here. */
export function forkFailureText(error: unknown): string {
  const refusal = gatewayRefusalOf(error);
  if (refusal) return `The gateway refused: ${refusal.message}`;
  return `No answer from the gateway (${error instanceof Error ? error.message : String(error)}); the session list is read again in case it forked anyway.`;
}

export function useForkSession() {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const listKey = sessionsQueryKey(connection.url);
  const mutation = useMutation({
    mutationFn: async (request: ForkRequest): Promise<ForkedSession> => {
      const forked = readForkAnswer(await connection.request<unknown>("sessions.fork", { sessionKey: request.sessionKey, entryId: request.entryId }), request);
      const label = await labelFork(connection, forked.sessionKey, request.sessionKey, parseSessionRows(queryClient.getQueryData(listKey)));
      await queryClient.invalidateQueries({ queryKey: listKey });
      return label === undefined ? forked : { ...forked, label };
    },
    onError: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
  return {
    /** `onForked` runs once the new session exists and the list names it: the caller opens it. */
    fork: (request: ForkRequest, onForked: (forked: ForkedSession) => void) => mutation.mutate(request, { onSuccess: onForked }),
    /** The session a fork is on its way from, if any. */
    forkingFrom: mutation.isPending ? mutation.variables.sessionKey : undefined,
    failure: mutation.error ? { from: mutation.variables?.sessionKey, text: forkFailureText(mutation.error) } : null,
    dismissFailure: () => mutation.reset(),
  };
}
