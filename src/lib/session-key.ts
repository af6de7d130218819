/** What a gateway session key says by itself. */

/** `agent:helper:work` → `helper`; a key without the agent prefix belongs to `main`. */
export function agentIdOf(key: string): string {
  const parts = key.split(":");
  return parts.length >= 3 && parts[0] === "agent" && parts[1] ? parts[1] : "main";
}
