/**
 * The session's model and thinking level, changed through `sessions.patch`.
 * While a change is on its way the pickers show it; once the gateway has
 * confirmed it, the session list is read again so everything shows the same
 * model. A refused change says why and the pickers go back to what the
 * gateway still has.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { readSessionsList, sessionsListQueryKey } from "@/gateway/sessions-list";
import { useGateway, useIsOnline } from "@/providers/gateway-provider";
import { redactText } from "@/lib/redact";
import { modelRefText, sessionThinking, type ThinkingLevel } from "../model/session-settings";
import type { ModelRef } from "../model/provider-signals";
import { patchSession, type SessionPatch } from "./provider-health-queries";
import type { ModelOption, ProviderHealthView } from "./use-provider-health";

/** What a change came to, in words the composer shows. */
export interface SettingOutcome {
  ok: boolean;
  text: string;
}

export interface SessionSettingsView {
  /** The model the pickers show: the one being applied, else the session's. */
  model: ModelRef | undefined;
  /** The thinking override shown; null when the session inherits its model's default. */
  thinking: string | null;
  /** What "default" currently means for the shown model. */
  inheritedThinking: string | undefined;
  thinkingLevels: ThinkingLevel[];
  options: ModelOption[];
  /** Which change is on its way to the gateway. */
  saving: "model" | "thinking" | null;
  /** Why the last change was refused, for this session. */
  error: string | null;
  chooseModel(ref: ModelRef): Promise<SettingOutcome>;
  chooseThinking(level: string | null): Promise<SettingOutcome>;
}

interface PatchRequest {
  sessionKey: string;
  change: SessionPatch;
}

function describeChange(change: SessionPatch): string {
  if ("model" in change) return `the model to ${modelRefText(change.model)}`;
  return change.thinkingLevel === null ? "the thinking level back to the default" : `the thinking level to ${change.thinkingLevel}`;
}

export function useSessionSettings(sessionKey: string, health: ProviderHealthView): SessionSettingsView {
  const connection = useGateway();
  const online = useIsOnline();
  const queryClient = useQueryClient();
  const selectThinking = useCallback((payload: unknown) => sessionThinking(payload, sessionKey), [sessionKey]);
  const thinkingQuery = useQuery({
    queryKey: sessionsListQueryKey(connection.url),
    queryFn: () => readSessionsList(connection),
    select: selectThinking,
    enabled: online,
    staleTime: 10_000,
  });
  const patch = useMutation({
    mutationFn: async ({ sessionKey: key, change }: PatchRequest) => {
      await patchSession(connection, key, change);
      // Show what the gateway now has (the resolved model, its levels) before the change counts as done.
      await queryClient.invalidateQueries({ queryKey: sessionsListQueryKey(connection.url) });
    },
    // A change that timed out may still have been applied: read what the gateway has.
    onError: () => void queryClient.invalidateQueries({ queryKey: sessionsListQueryKey(connection.url) }),
  });

  const pending = patch.isPending && patch.variables?.sessionKey === sessionKey ? patch.variables.change : undefined;
  const pendingModel = pending && "model" in pending ? pending.model : undefined;
  const model = pendingModel ?? health.target;
  const options = health.models ?? [];
  const modelOption = model ? options.find((option) => option.ref.provider === model.provider && option.ref.model === model.model) : undefined;
  const thinking = thinkingQuery.data;
  // A model being applied brings its own levels; the session row's levels are for the model it has now.
  const thinkingLevels = pendingModel ? (modelOption?.thinkingLevels ?? []) : thinking?.levels.length ? thinking.levels : (modelOption?.thinkingLevels ?? []);
  const shownThinking = pending && "thinkingLevel" in pending ? pending.thinkingLevel : (thinking?.override ?? null);
  const failed = patch.isError && patch.variables?.sessionKey === sessionKey ? patch.variables.change : undefined;

  const apply = async (change: SessionPatch): Promise<SettingOutcome> => {
    try {
      await patch.mutateAsync({ sessionKey, change });
      return { ok: true, text: `Changed ${describeChange(change)}; it applies from the next message.` };
    } catch (error) {
      return { ok: false, text: `Could not change ${describeChange(change)}: ${redactText(error instanceof Error ? error.message : String(error))}` };
    }
  };

  return {
    model,
    thinking: shownThinking,
    inheritedThinking: pendingModel ? modelOption?.thinkingDefault : (thinking?.inherited ?? modelOption?.thinkingDefault),
    thinkingLevels,
    options,
    saving: pending ? ("model" in pending ? "model" : "thinking") : null,
    error: failed && patch.error ? `Could not change ${describeChange(failed)}: ${redactText(patch.error.message)}` : null,
    chooseModel: (ref) => apply({ model: ref }),
    chooseThinking: (level) => apply({ thinkingLevel: level }),
  };
}
