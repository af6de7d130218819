/**
 * Creating, renaming, pinning, resetting and deleting sessions: TanStack Query mutations against the gateway.
 * Each one reads the session list again when it ends, succeeded or not (a request without an answer may still
 * have happened), and stays pending until that list is back, so a deleted row leaves only once the gateway says so.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AdminAccessRefusedError, withAdminAccess } from "@/gateway/admin-access";
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

const ADMIN_COMMANDS = new Map<SessionCommand["kind"], string>([
  ["reset", "Resetting a session"],
  ["delete", "Deleting a session"],
]);

export function useSessionMutations(events: SessionMutationEvents = {}) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const mutation = useMutation({
    mutationFn: async (command: SessionCommand) => {
      const { method, params } = paramsOf(command);
      const request = () => connection.request<unknown>(method, params);
      // Reset and delete are admin-only on the gateway: the tab asks for admin just for them.
      const reply = ADMIN_COMMANDS.has(command.kind) ? await withAdminAccess(connection, request, ADMIN_COMMANDS.get(command.kind)) : await request();
      const answer = readAnswer(reply);
      return { ...answer, key: answer.key ?? (params.key as string) };
    },
    onSuccess: (answer, command) => {
      setOutcome(describeSuccess(command, answer));
      if (command.kind === "create") events.onCreated?.(answer.key);
      if (command.kind === "reset" || (command.kind === "delete" && answer.deleted !== false)) events.onCleared?.(command.key, command.kind === "delete");
    },
    onError: (error, command) => {
      const refusal = error instanceof AdminAccessRefusedError ? { message: error.message } : gatewayRefusalOf(error);
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
