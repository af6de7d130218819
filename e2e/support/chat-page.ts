/** How a person uses the chat, in Playwright terms: by role and visible text. */
import { expect, type Page } from "@playwright/test";

export function uniqueSession(name: string): string {
  return `agent:main:e2e-${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

export function connectionStatus(page: Page) {
  return page.getByRole("status", { name: "Gateway connection" });
}

export async function openSession(page: Page, name: string, origin = ""): Promise<string> {
  const sessionKey = uniqueSession(name);
  await page.goto(`${origin}/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  return sessionKey;
}

export function transcript(page: Page) {
  return page.getByRole("log", { name: "Transcript" });
}

export function lastTurn(page: Page) {
  return transcript(page).getByRole("article").last();
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

/** The header's gateway button is named by what it shows: "Gateway", or "Gateway 2 clients" when others are connected. */
export const GATEWAY_BUTTON = /^Gateway( \d+ clients?)?$/;

/** A turn's whole text when it is `text` and the time it was sent ("16:42", 24-hour in every locale). */
export function textThenTime(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\d{2}:\\d{2}$`);
}

/** How many leading characters two texts share: the part of a turn's text that is the reply streamed so far. */
export function sharedStart(text: string, full: string): number {
  let length = 0;
  while (length < text.length && text[length] === full[length]) length++;
  return length;
}
