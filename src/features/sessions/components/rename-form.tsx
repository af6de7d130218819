import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

export interface RenameFormProps {
  title: string;
  /** The current name, if the user gave one. */
  label?: string;
  pending: boolean;
  /** `null` clears the name, so the gateway's own title shows again. */
  onSave(label: string | null): void;
  onCancel(): void;
}

export function RenameForm({ title, label, pending, onSave, onCancel }: RenameFormProps) {
  const [value, setValue] = useState(label ?? title);
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    onSave(next === "" ? null : next);
  };
  return (
    <form onSubmit={submit} aria-label={`Rename “${title}”`} className="flex flex-col gap-1.5 px-2 pb-2">
      <label htmlFor={inputId} className="text-xs text-ink-3">
        Name (empty = the gateway's title)
      </label>
      <input
        id={inputId}
        value={value}
        maxLength={512}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
        className="min-w-0 rounded-md border border-line bg-surface px-2 py-1 text-sm"
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save name"}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
