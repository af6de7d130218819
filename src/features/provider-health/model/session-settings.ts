/**
 * A session's model and thinking level as the composer's pickers show them:
 * read from the gateway's `sessions.list` row (or its defaults for a session
 * that does not exist yet), with the levels the gateway says the model takes.
 */
import { asRecord, asText } from "@/lib/read-untrusted";
import type { ModelRef } from "./provider-signals";

export interface ThinkingLevel {
  id: string;
  label: string;
}

export interface SessionThinking {
  /** The session's own choice; undefined when it inherits the model's default. */
  override?: string;
  /** What an inherited level resolves to, when the gateway says. */
  inherited?: string;
  levels: ThinkingLevel[];
}

/** `thinkingLevels: [{ id, label }]`, or the legacy `thinkingOptions: ["off", …]`. */
export function readThinkingLevels(levels: unknown, legacyOptions?: unknown): ThinkingLevel[] {
  const out: ThinkingLevel[] = [];
  for (const item of Array.isArray(levels) ? levels : []) {
    const entry = asRecord(item);
    const id = asText(entry?.id);
    if (id && !out.some((level) => level.id === id)) out.push({ id, label: asText(entry?.label) ?? id });
  }
  if (out.length > 0) return out;
  for (const option of Array.isArray(legacyOptions) ? legacyOptions : []) {
    const id = asText(option);
    if (id && !out.some((level) => level.id === id)) out.push({ id, label: id });
  }
  return out;
}

/** The thinking level of one session from the raw `sessions.list` answer. */
export function sessionThinking(payload: unknown, sessionKey: string): SessionThinking {
  const body = asRecord(payload);
  const sessions = Array.isArray(body?.sessions) ? body.sessions : [];
  const row = sessions.map(asRecord).find((entry) => entry?.key === sessionKey);
  const source = row ?? asRecord(body?.defaults);
  const override = asText(row?.thinkingLevel);
  const inherited = asText(source?.thinkingDefault);
  return {
    ...(override ? { override } : {}),
    ...(inherited ? { inherited } : {}),
    levels: readThinkingLevels(source?.thinkingLevels, source?.thinkingOptions),
  };
}

export const modelRefText = (ref: ModelRef) => `${ref.provider}/${ref.model}`;

/**
 * What `/model <text>` names among the offered models: `provider/model`
 * exactly, or a bare model id that only one provider offers.
 */
export function findModel<T extends { ref: ModelRef }>(options: readonly T[], text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return undefined;
  const exact = options.find((option) => modelRefText(option.ref).toLowerCase() === wanted);
  if (exact) return exact;
  const byId = options.filter((option) => option.ref.model.toLowerCase() === wanted);
  return byId.length === 1 ? byId[0] : undefined;
}

/** What `/think <text>` names among the levels: an id or a label. "default" and "inherit" mean no override. */
export function findThinkingLevel(levels: readonly ThinkingLevel[], text: string): { level: string | null } | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === "default" || wanted === "inherit") return { level: null };
  const level = levels.find((candidate) => candidate.id.toLowerCase() === wanted || candidate.label.toLowerCase() === wanted);
  return level ? { level: level.id } : undefined;
}
