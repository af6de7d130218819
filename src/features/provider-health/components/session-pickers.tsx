import { useId, type Ref } from "react";
import { redactText } from "@/lib/redact";
import type { SessionSettingsView } from "../api/use-session-settings";
import { describeHealth } from "../model/provider-health";
import { modelRefText } from "../model/session-settings";
import { formatClockTime } from "@/lib/clock-time";

export interface SessionPickersProps {
  settings: SessionSettingsView;
  now: number;
  /** Why nothing can be changed right now (e.g. not connected). */
  disabledReason?: string;
  /** A reply is running in this session: a change reaches it only in part (see RUN_NOTE). */
  runActive?: boolean;
  modelRef?: Ref<HTMLSelectElement>;
  thinkingRef?: Ref<HTMLSelectElement>;
}

/**
 * What sessions.patch does mid-run (openclaw docs concepts/model-failover.md, "live model switching"): the new
 * selection is stored at once and used by the next turn; the running turn restarts on the new model only
 * while its current attempt has produced nothing (no text, no tool call; dist live-model-switch, embedded-agent).
 */
const RUN_NOTE = "A reply is running: a change applies from your next message. The running reply moves to a new model only if it has not written anything or called a tool yet.";

const SELECT = "max-w-[16rem] truncate rounded-md border border-line bg-surface px-1.5 py-0.5 text-xs text-ink disabled:opacity-60";

/**
 * The session's model (each with how its provider is doing) and thinking level,
 * changed at once through sessions.patch; a refused change says why beside them.
 */
export function SessionPickers({ settings, now, disabledReason, runActive = false, modelRef, thinkingRef }: SessionPickersProps) {
  const modelId = useId();
  const thinkingId = useId();
  const noteId = useId();
  const { model, options, saving } = settings;
  const busy = saving !== null || disabledReason !== undefined;
  const shown = model ? modelRefText(model) : "";
  const listed = options.some((option) => modelRefText(option.ref) === shown);
  const levels = settings.thinkingLevels;
  const overrideListed = settings.thinking === null || levels.some((level) => level.id === settings.thinking);
  const runNote = runActive && !busy;

  return (
    <div role="group" aria-label="Session settings" className="group flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 px-2 text-xs text-ink-2">
      <span className="flex items-center gap-1.5">
        <label htmlFor={modelId}>Model</label>
        <select
          id={modelId}
          ref={modelRef}
          value={shown}
          disabled={busy || options.length === 0}
          title={disabledReason}
          aria-describedby={runNote ? noteId : undefined}
          onChange={(event) => {
            const next = options.find((option) => modelRefText(option.ref) === event.target.value);
            if (next) void settings.chooseModel(next.ref);
          }}
          className={SELECT}
        >
          {!model && <option value="">not known yet</option>}
          {model && !listed && <option value={shown}>{shown}</option>}
          {options.map((option) => {
            const text = modelRefText(option.ref);
            return (
              <option key={text} value={text} disabled={!option.available && text !== shown}>
                {text} ({describeHealth(option.health, now, formatClockTime).label})
              </option>
            );
          })}
        </select>
      </span>
      <span className="flex items-center gap-1.5">
        <label htmlFor={thinkingId}>Thinking</label>
        <select
          id={thinkingId}
          ref={thinkingRef}
          value={settings.thinking ?? ""}
          disabled={busy || levels.length === 0}
          title={disabledReason}
          aria-describedby={runNote ? noteId : undefined}
          onChange={(event) => void settings.chooseThinking(event.target.value === "" ? null : event.target.value)}
          className={SELECT}
        >
          <option value="">default{settings.inheritedThinking ? ` (${settings.inheritedThinking})` : ""}</option>
          {!overrideListed && settings.thinking && <option value={settings.thinking}>{settings.thinking}</option>}
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.label}
            </option>
          ))}
        </select>
      </span>
      {runNote && (
        // Read with each picker; shown while one is in use, so a phone does not give three lines to it on every run.
        <p id={noteId} className="sr-only basis-full text-ink-3 group-focus-within:not-sr-only">
          {RUN_NOTE}
        </p>
      )}
      {saving && (
        <span role="status" className="text-ink-3">
          Applying the new {saving === "model" ? "model" : "thinking level"}…
        </span>
      )}
      {settings.error && (
        <p role="alert" className="basis-full text-bad">
          {redactText(settings.error)}
        </p>
      )}
    </div>
  );
}
