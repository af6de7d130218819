#!/usr/bin/env node
// Takes the README's screenshots from a running Clawscope (npm start) in headless Debian Chromium.
// Usage: node scripts/screenshot.mjs [--url http://127.0.0.1:5173] [--out docs/screenshots] [--prompt "a||b"] [--theme light|dark] [--name chat] [--expand 1]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const url = args.url ?? "http://127.0.0.1:5173";
const out = args.out ?? "docs/screenshots";
const prompts = (args.prompt ?? "Run a quick check of the machine. fake:tool").split("||");
const theme = args.theme ?? "light";
const name = args.name ?? `chat-${theme}`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme === "dark" ? "dark" : "light" });
  const session = `agent:main:${args.session ?? `screenshot-${Date.now().toString(36)}`}`;
  await page.goto(`${url}/?session=${encodeURIComponent(session)}`);
  await page.getByRole("status", { name: "Gateway connection" }).getByText("Connected").waitFor({ timeout: 120_000 });
  for (const prompt of prompts) {
    await page.getByRole("textbox", { name: "Message" }).fill(prompt);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("button", { name: "Stop the running reply" }).waitFor({ state: "hidden", timeout: 180_000 });
    await page.waitForTimeout(1500);
  }
  if (args.expand) {
    const toggles = page.getByRole("button", { name: /^Timeline/ });
    await toggles.nth((await toggles.count()) - 1).click();
    const tool = page.getByRole("region", { name: "Run timeline" }).last().getByRole("button", { name: /exec/ }).first();
    if (await tool.count()) await tool.click();
    await page.waitForTimeout(500);
  }
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
} finally {
  await browser.close();
}
