import { useMediaQuery } from "@/hooks/use-media-query";

/** Tailwind's `md`: from here the session list is a column beside the chat and every control has room; below it, a phone's layout. */
const WIDE = "(min-width: 48rem)";

export function useWideLayout(): boolean {
  return useMediaQuery(WIDE);
}
