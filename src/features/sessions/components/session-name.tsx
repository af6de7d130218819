import { splitNameTail, truncateMiddle } from "../model/session-name";

/** Beyond this a name is cut in the middle even on a wide screen: a label can be any length. */
const LONGEST_SHOWN = 60;

/**
 * A session's name that, when its row is too narrow, loses characters from its middle, never from its
 * distinguishing end. The full name is its accessible text and its tooltip.
 */
export function SessionName({ name, className = "" }: { name: string; className?: string }) {
  const { head, tail } = splitNameTail(truncateMiddle(name, LONGEST_SHOWN));
  return (
    <span title={name} className={`flex min-w-0 ${className}`}>
      <span className="sr-only">{name}</span>
      <span aria-hidden className="truncate whitespace-pre">
        {head}
      </span>
      <span aria-hidden className="shrink-0 whitespace-pre">
        {tail}
      </span>
    </span>
  );
}
