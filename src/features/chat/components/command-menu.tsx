import { SLASH_COMMANDS, type SlashCommand } from "../model/slash-commands";

/** The commands that complete the typed `/…`, as the message box's listbox popup. */
export function CommandMenu({ id, commands, active, onPick }: { id: string; commands: readonly SlashCommand[]; active: number; onPick(command: SlashCommand): void }) {
  return (
    <ul id={id} role="listbox" aria-label="Commands" className="mx-2 mb-1 overflow-hidden rounded-lg border border-line bg-surface text-sm shadow-md">
      {commands.map((command, index) => (
        <li
          key={command.name}
          id={optionId(id, command)}
          role="option"
          aria-selected={index === active}
          // Keep the focus in the message box: a click picks without blurring it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(command)}
          className={`flex cursor-pointer gap-3 px-3 py-1.5 ${index === active ? "bg-accent-soft text-ink" : "text-ink-2 hover:bg-surface-2"}`}
        >
          <span className="font-mono">{command.usage}</span>
          <span className="text-ink-3">{command.description}</span>
        </li>
      ))}
    </ul>
  );
}

export const optionId = (menuId: string, command: SlashCommand) => `${menuId}-${command.name}`;

export type ComposerNotice = { tone: "pending" | "ok" | "error"; text: string } | { tone: "help" };

const NOTICE_TONE = { pending: "text-ink-3", ok: "text-ok", error: "text-bad" } as const;

/** What the last command came to, under the message box: every command says how it went. */
export function CommandNotice({ notice }: { notice: ComposerNotice }) {
  if (notice.tone === "help") {
    return (
      <div role="status" aria-label="Commands help" className="px-2 text-xs text-ink-2">
        <p className="font-medium">Commands (type / to pick one):</p>
        <dl className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-3">
          {SLASH_COMMANDS.map((command) => (
            <div key={command.name} className="contents">
              <dt className="font-mono">{command.usage}</dt>
              <dd>{command.description}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-0.5">Any other /command is sent to the gateway as typed: it answers its own (for example /status or /exec).</p>
      </div>
    );
  }
  return (
    <p role={notice.tone === "error" ? "alert" : "status"} aria-label="Command result" className={`px-2 text-xs ${NOTICE_TONE[notice.tone]}`}>
      {notice.text}
    </p>
  );
}
