/**
 * "Fork from here": `sessions.fork` copies a session's transcript before one saved user message into a new
 * session and answers with the new session's key and that message's text (`editorText`) for the composer.
 * The session list is read again when it ends, succeeded or not (an unanswered request may still have forked).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gatewayRefusalOf } from "@/gateway/request-errors";
import { useGateway } from "@/providers/gateway-provider";
import { sessionsQueryKey } from "./sessions-query";

export interface ForkRequest {
  sessionKey: string;
  /** The user message's transcript entry id: the new session holds everything before it. */
  entryId: string;
  /** The message as shown, for the composer when the gateway sends no `editorText`. */
  text: string;
}

export interface ForkedSession {
  sessionKey: string;
  /** The text to put in the new session's composer. */
  draft: string;
}

export function readForkAnswer(payload: unknown, request: ForkRequest): ForkedSession {
  const record = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  if (typeof record.sessionKey !== "string" || record.sessionKey === "") throw new Error("the gateway answered without naming the new session");
  return { sessionKey: record.sessionKey, draft: typeof record.editorText === "string" ? record.editorText : request.text };
}

/** The failure in words: the gateway's own message when it refused, else what went wrong here. */
export function forkFailureText(error: unknown): string {
  const refusal = gatewayRefusalOf(error);
  if (refusal) return `The gateway refused: ${refusal.message}`;
  return `No answer from the gateway (${error instanceof Error ? error.message : String(error)}); the session list is read again in case it forked anyway.`;
}

export function useForkSession(onForked: (forked: ForkedSession) => void) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (request: ForkRequest) => readForkAnswer(await connection.request<unknown>("sessions.fork", { sessionKey: request.sessionKey, entryId: request.entryId }), request),
    onSuccess: onForked,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey(connection.url) }),
  });
  return {
    fork: (request: ForkRequest) => mutation.mutate(request),
    /** The session a fork is on its way from, if any. */
    forkingFrom: mutation.isPending ? mutation.variables.sessionKey : undefined,
    failure: mutation.error ? { from: mutation.variables?.sessionKey, text: forkFailureText(mutation.error) } : null,
    dismissFailure: () => mutation.reset(),
  };
}
