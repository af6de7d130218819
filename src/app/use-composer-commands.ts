/**
 * What the composer's slash commands do, across features: sessions (/new,
 * /reset), the running reply (/stop), the session's pickers (/model, /think)
 * and the transcript (/export). Each resolves to the words that say how it went.
 */
import { useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { abortRun } from "@/features/chat/api/abort-run";
import { chatHistoryQueryKey } from "@/features/chat/api/chat-history-query";
import { resetSession } from "@/features/chat/api/reset-session";
import type { CommandOutcome, SlashCommandName } from "@/features/chat/model/slash-commands";
import type { Turn } from "@/features/chat/model/transcript";
import { transcriptMarkdown } from "@/features/chat/model/transcript-markdown";
import { sessionResetsStore } from "@/features/chat/store/session-resets";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import type { SessionSettingsView } from "@/features/provider-health/api/use-session-settings";
import { findModel, findThinkingLevel, modelRefText } from "@/features/provider-health/model/session-settings";
import { sessionsQueryKey } from "@/features/sessions/api/sessions-query";
import { newSessionKey, shortKey } from "@/features/sessions/model/session-row";
import { agentIdOf } from "@/lib/session-key";
import { redactText } from "@/lib/redact";
import { useGateway } from "@/providers/gateway-provider";
import { useKnownSecrets } from "./use-known-secrets";

export interface CommandContext {
  sessionKey: string;
  activeRunId: string | null;
  turns: readonly Turn[];
  settings: SessionSettingsView;
  modelPicker: RefObject<HTMLSelectElement | null>;
  thinkingPicker: RefObject<HTMLSelectElement | null>;
}

const failed = (what: string, error: unknown): CommandOutcome => ({ ok: false, text: `${what}: ${redactText(error instanceof Error ? error.message : String(error))}` });

/** Focuses a picker and opens its list where the browser allows it (showPicker needs the keypress that ran the command). */
function openPicker(picker: HTMLSelectElement | null, what: string): CommandOutcome {
  if (!picker || picker.disabled) return { ok: false, text: `The ${what} picker cannot be used right now${picker?.title ? `: ${picker.title}` : ""}.` };
  picker.focus();
  try {
    picker.showPicker();
  } catch {
    // Focused is enough: the arrow keys choose.
  }
  return { ok: true, text: `Choose the ${what} in the picker above.` };
}

export function useComposerCommands(context: CommandContext): (command: SlashCommandName, argument: string) => Promise<CommandOutcome> {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const sessionSelected = useConnectionSettings((s) => s.sessionSelected);
  const secrets = useKnownSecrets();
  const { sessionKey, settings } = context;

  return async (command, argument) => {
    switch (command) {
      case "new": {
        // A new session of the agent this one talks to.
        const key = newSessionKey(agentIdOf(sessionKey));
        sessionSelected(key);
        return { ok: true, text: `Opened a new session, ${shortKey(key)}: it starts when you send the first message.` };
      }
      case "reset":
        try {
          const startedAt = await resetSession(connection, sessionKey);
          sessionResetsStore.getState().sessionReset(sessionKey, startedAt);
          await queryClient.invalidateQueries({ queryKey: chatHistoryQueryKey(connection.url, sessionKey) });
          void queryClient.invalidateQueries({ queryKey: sessionsQueryKey(connection.url) });
          return { ok: true, text: "This session was reset: the agent starts over without its history." };
        } catch (error) {
          return failed("Could not reset this session", error);
        }
      case "stop":
        try {
          const stopped = await abortRun(connection, sessionKey, context.activeRunId ?? undefined);
          return { ok: true, text: stopped ? "Stopped the running reply." : "Nothing was running in this session." };
        } catch (error) {
          return failed("Could not stop the reply", error);
        }
      case "model": {
        if (!argument) return openPicker(context.modelPicker.current, "model");
        const option = findModel(settings.options, argument);
        if (!option) return { ok: false, text: `No model “${argument}” here. The gateway offers: ${settings.options.map((item) => modelRefText(item.ref)).join(", ") || "none yet"}.` };
        return settings.chooseModel(option.ref);
      }
      case "think": {
        if (!argument) return openPicker(context.thinkingPicker.current, "thinking level");
        const choice = findThinkingLevel(settings.thinkingLevels, argument);
        if (!choice) return { ok: false, text: `No thinking level “${argument}” for this model. It takes: ${[...settings.thinkingLevels.map((level) => level.id), "default"].join(", ")}.` };
        return settings.chooseThinking(choice.level);
      }
      case "export":
        return exportTranscript(sessionKey, context.turns, secrets);
      case "help":
        return { ok: true, text: "" };
    }
  };
}

async function exportTranscript(sessionKey: string, turns: readonly Turn[], secrets: readonly string[]): Promise<CommandOutcome> {
  const markdown = transcriptMarkdown(sessionKey, turns, secrets, Date.now());
  try {
    await navigator.clipboard.writeText(markdown);
  } catch (error) {
    return failed("Could not copy the transcript to the clipboard", error);
  }
  const size = new Blob([markdown]).size;
  return { ok: true, text: `Copied the transcript to the clipboard as Markdown: ${turns.length} turn${turns.length === 1 ? "" : "s"}, ${(size / 1024).toFixed(1)} kB, secrets masked.` };
}
