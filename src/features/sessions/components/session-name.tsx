import { splitNameTail } from "../model/session-name";

/**
 * A session's name that, when its row is too narrow, loses characters from its middle, never from its
 * distinguishing end unless not even that fits; one ellipsis at most (the browser's, where the head is cut, or
 * at the end when there is room for only part of the end), and the whole name when it fits. The full name is
 * its accessible text and its tooltip.
 */
export function SessionName({ name, className = "" }: { name: string; className?: string }) {
  const { head, tail } = splitNameTail(name);
  return (
    <span title={name} className={`flex min-w-0 ${className}`}>
      <span className="sr-only">{name}</span>
      <span aria-hidden className="truncate whitespace-pre">
        {head}
      </span>
      {/* Never shrinks for the head, but never wider than the name's box either: when even the end has no room
          (a narrow row full of badges) it is cut too, with an ellipsis, rather than drawn over its neighbours. */}
      <span aria-hidden className="max-w-full shrink-0 truncate whitespace-pre">
        {tail}
      </span>
    </span>
  );
}
