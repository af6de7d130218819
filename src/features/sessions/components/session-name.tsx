import { splitNameTail } from "../model/session-name";

/**
 * A session's name that, when its row is too narrow, loses characters from its middle, never from its
 * distinguishing end; one ellipsis at most (the browser's, where the head is cut), and the whole name when it
 * fits. The full name is its accessible text and its tooltip.
 */
export function SessionName({ name, className = "" }: { name: string; className?: string }) {
  const { head, tail } = splitNameTail(name);
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
