/**
 * The name a forked session gets. The gateway names a fork by a new key (`dashboard:<uuid>`) and takes no label
 * with `sessions.fork`, so the app labels it afterwards (`sessions.patch {label}`): "Fork of <the source's name>".
 * Labels are unique on the gateway ("label already in use"), so a second fork of the same session is numbered.
 */

/** Long source names are cut (with an ellipsis) so the label stays readable; the gateway takes up to 512 characters. */
const LONGEST_SOURCE_NAME = 80;

/** How many numbered names to try before giving up on a label (the fork stays, named by its key). */
export const FORK_LABEL_TRIES = 5;

function clipName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= LONGEST_SOURCE_NAME ? chars.join("") : `${chars.slice(0, LONGEST_SOURCE_NAME - 1).join("")}…`;
}

/** The `attempt`-th name to try (from 1): "Fork of work", then "Fork of work (2)", "Fork of work (3)", … */
export function forkLabelCandidate(sourceName: string, attempt: number): string {
  const base = `Fork of ${clipName(sourceName)}`;
  return attempt <= 1 ? base : `${base} (${attempt})`;
}

/** The first attempt whose name no listed session holds yet, so the gateway is asked for a free name first. */
export function firstFreeForkAttempt(sourceName: string, takenLabels: ReadonlySet<string>): number {
  let attempt = 1;
  while (takenLabels.has(forkLabelCandidate(sourceName, attempt))) attempt += 1;
  return attempt;
}

/** The gateway's refusal of a label another session holds (sessions.patch: "label already in use: <label>"). */
export function isLabelTaken(refusalMessage: string): boolean {
  return refusalMessage.startsWith("label already in use");
}
