/**
 * Creating, renaming, pinning, resetting and deleting sessions: TanStack Query mutations against the gateway.
 * Each one reads the session list again when it ends, succeeded or not (a request without an answer may still
 * have happened), and stays pending until that list is back, so a deleted row leaves only once the gateway says so.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { gatewayRefusalOf } from "@/gateway/request-errors";
import { useGateway } from "@/providers/gateway-provider";
import { describeFailure, describeSuccess, type ActionOutcome, type SessionCommand } from "../model/action-outcome";
import { newSessionKey } from "../model/session-row";
import { sessionsQueryKey } from "./sessions-query";

interface Answer {
  key?: string;
  deleted?: boolean;
}

function paramsOf(command: SessionCommand): { method: string; params: Record<string, unknown> } {
  switch (command.kind) {
    case "create":
      return { method: "sessions.create", params: { key: newSessionKey(command.agentId), agentId: command.agentId } };
    case "rename":
      return { method: "sessions.patch", params: { key: command.key, label: command.label } };
    case "pin":
      return { method: "sessions.patch", params: { key: command.key, pinned: command.pinned } };
    case "reset":
      return { method: "sessions.reset", params: { key: command.key } };
    case "delete":
      return { method: "sessions.delete", params: { key: command.key } };
  }
}

function readAnswer(payload: unknown): Answer {
  const record = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  return {
    key: typeof record.key === "string" ? record.key : undefined,
    deleted: typeof record.deleted === "boolean" ? record.deleted : undefined,
  };
}

export interface SessionMutationEvents {
  /** A session now exists on the gateway (the app opens it). */
  onCreated?(sessionKey: string): void;
  /** A session's transcript was emptied or removed (the app drops its history and, for a delete, leaves it). */
  onCleared?(sessionKey: string, deleted: boolean): void;
}

export function useSessionMutations(events: SessionMutationEvents = {}) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const mutation = useMutation({
    mutationFn: async (command: SessionCommand) => {
      const { method, params } = paramsOf(command);
      const answer = readAnswer(await connection.request<unknown>(method, params));
      return { ...answer, key: answer.key ?? (params.key as string) };
    },
    onSuccess: (answer, command) => {
      setOutcome(describeSuccess(command, answer));
      if (command.kind === "create") events.onCreated?.(answer.key);
      if (command.kind === "reset" || (command.kind === "delete" && answer.deleted !== false)) events.onCleared?.(command.key, command.kind === "delete");
    },
    onError: (error, command) => {
      const refusal = gatewayRefusalOf(error);
      const message = error instanceof Error ? error.message : String(error);
      setOutcome(describeFailure(command, refusal ? { kind: "refused", message: refusal.message } : { kind: "no-answer", message }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey(connection.url) }),
  });

  return {
    run: (command: SessionCommand) => {
      setOutcome(null);
      return mutation.mutateAsync(command).then(
        () => true,
        () => false,
      );
    },
    pending: mutation.isPending ? mutation.variables : undefined,
    outcome,
    dismissOutcome: () => setOutcome(null),
  };
}
