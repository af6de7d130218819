import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { draftKey, readStoredText, writeStoredText } from "@/lib/stored-text";
import { commandSuggestions, completedDraft, readComposerInput, type CommandOutcome, type SlashCommand, type SlashCommandName } from "../model/slash-commands";
import { CommandMenu, CommandNotice, optionId, type ComposerNotice } from "./command-menu";

export interface ComposerProps {
  sessionKey: string;
  canSend: boolean;
  disabledReason?: string;
  /** Shown instead of the key hint when a message would wait rather than go out at once. */
  sendHint?: string;
  running: boolean;
  onSend(text: string): void;
  /** Takes the user to the running run's timeline. */
  onShowRunning?(): void;
  /** Carries out a slash command (all but /help, which the composer answers itself) and says how it went. */
  onCommand?(command: SlashCommandName, argument: string): Promise<CommandOutcome>;
  /** Files going with the message: their tray, how many are ready, whether any is still being read, and where pasted or dropped files go. */
  attachments?: { tray: ReactNode; ready: number; reading: boolean; onFiles(files: File[]): void };
  /** A new value moves keyboard focus into the message box, after its text (a fork opened with its message here). */
  focusRequest?: number;
}


function readDraft(sessionKey: string): string {
  return readStoredText(draftKey(sessionKey)) ?? "";
}

export function Composer(props: ComposerProps) {
  const { sessionKey, canSend, disabledReason, sendHint, running, onSend, onShowRunning, onCommand, attachments, focusRequest } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(() => readDraft(sessionKey));
  const [draftFor, setDraftFor] = useState(sessionKey);
  const [notice, setNotice] = useState<ComposerNotice | null>(null);
  const [active, setActive] = useState(0);
  const [menuClosedFor, setMenuClosedFor] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const menuId = useId();
  if (draftFor !== sessionKey) {
    setDraftFor(sessionKey);
    setDraft(readDraft(sessionKey));
  }

  useEffect(() => writeStoredText(draftKey(sessionKey), draft), [draft, sessionKey]);

  useEffect(() => {
    const input = box.current;
    if (!focusRequest || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [focusRequest]);

  const suggestions = menuClosedFor === draft ? [] : commandSuggestions(draft);
  const menuOpen = suggestions.length > 0;
  const activeCommand = menuOpen ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;

  const edit = (text: string) => {
    setDraft(text);
    setActive(0);
    setMenuClosedFor(null);
    setNotice(null);
  };

  const pick = (command: SlashCommand) => {
    setDraft(completedDraft(command));
    setActive(0);
  };

  /** `typed`: the command as it stood in the box, cleared while it runs and put back if it fails. */
  const runCommand = async (name: SlashCommandName, argument: string, typed?: string) => {
    if (typed !== undefined) setDraft("");
    if (name === "help") {
      setNotice({ tone: "help" });
      return;
    }
    setNotice({ tone: "pending", text: `Running /${name}…` });
    const outcome = onCommand ? await onCommand(name, argument) : { ok: false, text: `/${name} is not available here.` };
    setNotice({ tone: outcome.ok ? "ok" : "error", text: outcome.text });
    if (!outcome.ok && typed !== undefined) setDraft((current) => (current === "" ? typed : current));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const input = readComposerInput(draft);
    if (input.kind === "command") {
      void runCommand(input.command.name, input.argument, draft.trim());
      return;
    }
    if ((!input.text && !attachments?.ready) || !canSend || attachments?.reading) return;
    onSend(input.text);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (activeCommand) {
      const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      if (step !== 0) {
        event.preventDefault();
        setActive((Math.min(active, suggestions.length - 1) + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        pick(activeCommand);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setMenuClosedFor(draft);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };
  const isCommand = readComposerInput(draft).kind === "command";

  return (
    <form
      onSubmit={submit}
      onDragOver={(event) => event.dataTransfer.types.includes("Files") && event.preventDefault()}
      onDrop={(event) => attachments && event.dataTransfer.files.length > 0 && (event.preventDefault(), attachments.onFiles([...event.dataTransfer.files]))}
      aria-label="Send a message"
      className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4 pb-4"
    >
      {menuOpen && activeCommand && <CommandMenu id={menuId} commands={suggestions} active={suggestions.indexOf(activeCommand)} onPick={pick} />}
      {/* The buttons wrap under the box, right-aligned, when beside it they would squeeze it below 16rem (a phone during a run). */}
      <div className="flex flex-wrap items-end gap-2 rounded-2xl border border-line bg-surface p-2 shadow-sm focus-within:border-accent focus-within:ring-2 focus-within:ring-accent">
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          ref={box}
          id={inputId}
          value={draft}
          onChange={(event) => edit(event.target.value)}
          onKeyDown={onKeyDown}
          // The combobox pattern as a textarea may carry it (it keeps its textbox role): a listbox popup of commands.
          aria-haspopup="listbox"
          aria-autocomplete="list"
          aria-controls={menuOpen ? menuId : undefined}
          aria-activedescendant={activeCommand ? optionId(menuId, activeCommand) : undefined}
          onPaste={(event) => attachments && event.clipboardData.files.length > 0 && (event.preventDefault(), attachments.onFiles([...event.clipboardData.files]))}
          rows={Math.min(8, Math.max(1, draft.split("\n").length))}
          placeholder="Ask the agent to do something…"
          aria-describedby={hintId}
          className="max-h-60 min-h-10 min-w-0 flex-[1_1_16rem] resize-none [field-sizing:content] bg-transparent px-2 py-2 text-[15px] outline-none"
        />
        <div className="ml-auto flex shrink-0 items-end gap-2">
          {running && onShowRunning && (
            <Button variant="secondary" onClick={onShowRunning} aria-label="Show run in progress">
              Show run
            </Button>
          )}
          {running && (
            <Button variant="secondary" onClick={() => void runCommand("stop", "")} aria-label="Stop the running reply">
              Stop
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={isCommand ? false : !canSend || (draft.trim() === "" && !attachments?.ready) || attachments?.reading}>
            {isCommand ? "Run" : "Send"}
          </Button>
        </div>
      </div>
      {attachments?.tray}
      {notice && <CommandNotice notice={notice} />}
      <p id={hintId} className="px-2 text-xs text-ink-3">
        {canSend ? (sendHint ?? "Enter to send · Shift+Enter for a new line · / for commands") : (disabledReason ?? "Not connected")}
      </p>
    </form>
  );
}
