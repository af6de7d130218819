/** The real gateway recordings (src/testing/captures/*.jsonl) as text, imported with Vite's `?raw` so the bench runs in Node and in the page alike. */
const CAPTURE_DIR = "../../src/testing/captures/";
export const captures = import.meta.glob<string>("../../src/testing/captures/*.jsonl", { query: "?raw", import: "default", eager: true });

export function capture(name: string): string {
  const text = captures[`${CAPTURE_DIR}${name}`];
  if (text === undefined) throw new Error(`bench: capture ${name} is missing`);
  return text;
}

export function hasCapture(name: string): boolean {
  return captures[`${CAPTURE_DIR}${name}`] !== undefined;
}
