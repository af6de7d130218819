/**
 * What the header, the gateway panel and the hidden live region say while the gateway cannot be reached:
 * each test kills the one shared real gateway and brings it back, so they run in order.
 */
import { seriousViolations } from "../support/axe";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, GATEWAY_BUTTON, openSession, sendMessage, transcript } from "../support/chat-page";
import { controlGateway } from "../support/gateway-control";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const BACK_ONLINE = { timeout: 120_000 };

test.afterEach(async () => {
  await controlGateway("ensure-running");
});

/**
 * The texts a sighted reader sees in an element, as drawn, one per text node: text in visually hidden parts
 * (sr-only, display:none) left out; whether any of it is cut (ellipsis); and, read at the same moment, the
 * texts hidden from screen readers (aria-hidden) and the title.
 */
function drawnText(element: Locator): Promise<{ text: string[]; cut: boolean; ariaHidden: string[]; spoken: string; title: string }> {
  return element.evaluate((root) => {
    const text: string[] = [];
    let cut = false;
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          const parent = child.parentElement;
          if (!parent || !parent.checkVisibility()) continue;
          const box = parent.getBoundingClientRect();
          if (box.width <= 1 || box.height <= 1) continue;
          if (child.textContent?.trim()) text.push(child.textContent);
          if (parent.scrollWidth > parent.clientWidth) cut = true;
        } else if (child instanceof Element) {
          walk(child);
        }
      }
    };
    walk(root);
    const ariaHidden = [...root.querySelectorAll("[aria-hidden=true]")].map((part) => part.textContent ?? "");
    const spokenCopy = root.cloneNode(true) as HTMLElement;
    for (const hidden of spokenCopy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
    return { text, cut, ariaHidden, spoken: spokenCopy.textContent ?? "", title: root.getAttribute("title") ?? "" };
  });
}

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(name: string, locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${name} has no box`);
  return { name, ...box };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("on a 390×844 phone while the gateway is unreachable the pill says so and when it retries, uncut; Retry now waits in Details; nothing overlaps or scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSession(page, "phone-unreachable");
  const pill = connectionStatus(page);
  expect(await drawnText(pill)).toMatchObject({ text: ["Connected"], cut: false });

  await controlGateway("sigkill");
  // Sampled live, while the countdown runs: the words drawn are the phone's short label, whole, and they agree
  // with the full sentence in the title (rendered from the same moment).
  let sample: Awaited<ReturnType<typeof drawnText>> = { text: [], cut: false, ariaHidden: [], spoken: "", title: "" };
  await expect
    .poll(
      async () => {
        sample = await drawnText(pill);
        return sample.text.join(" / ");
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toMatch(/^Unreachable \/ retry in \d+ s$/);
  const seconds = /^retry in (\d+) s$/.exec(sample.text[1] ?? "")?.[1];
  expect(sample.cut).toBe(false);
  expect(sample.title).toMatch(new RegExp(`^Gateway unreachable · Closed without notice \\(1006\\): .* · retrying: next try in ${seconds} s · \\d+ attempts? so far$`));
  // Screen readers get the steady label, not a countdown announced each second.
  await expect(pill).toHaveAccessibleName("Gateway connection");
  expect(sample.ariaHidden).toContain(sample.text.join(""));
  expect(sample.spoken).toBe("Gateway unreachable: closed without notice (1006): the gateway process stopped or the network dropped; retrying by itself");

  // The header's controls each keep their own room on the one row, inside the screen.
  const header = page.getByRole("banner");
  const details = header.getByRole("button", { name: "Details" });
  const boxes = [
    await boxOf("Sessions", header.getByRole("button", { name: "Sessions", exact: true })),
    await boxOf("pill", pill),
    await boxOf("Details", details),
    await boxOf("More controls", header.getByRole("button", { name: "More controls" })),
  ];
  for (const box of boxes) expect(box.x >= 0 && box.x + box.width <= 390, `${box.name} inside the screen`).toBe(true);
  for (const [index, a] of boxes.entries()) for (const b of boxes.slice(index + 1)) expect(overlaps(a, b), `${a.name} and ${b.name} overlap`).toBe(false);
  expect(Math.max(...boxes.map((box) => box.y + box.height)) - Math.min(...boxes.map((box) => box.y))).toBeLessThanOrEqual(40);
  expect(boxes[1]?.height, "the pill's two lines stay within the header's row").toBeLessThanOrEqual(32);
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  // Retry now is not beside the pill on a phone: it is in Details, with the whole sentence.
  await expect(page.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  await details.click();
  const panel = page.locator("#connection-details");
  await expect(panel.getByText("State", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Gateway unreachable");
  await expect(panel).toContainText(/Closed without notice \(1006\): the gateway process stopped or the network dropped · retrying/);
  const retry = panel.getByRole("button", { name: "Retry now" });
  await expect(retry).toBeVisible();
  const panelBox = await boxOf("Details panel", panel);
  expect(panelBox.x >= 0 && panelBox.x + panelBox.width <= 390, "the Details panel inside the screen").toBe(true);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page), "light, Details open").toEqual([]);
  await details.click();

  // The phone menu's theme button says what it is in words.
  await page.getByRole("button", { name: "More controls" }).click();
  const theme = page.getByRole("group", { name: "More controls" }).getByRole("button", { name: "Dark theme" });
  expect(await drawnText(theme)).toMatchObject({ text: ["☀", "Dark theme", "Off"], cut: false });
  await theme.click();
  expect(await drawnText(theme)).toMatchObject({ text: ["☾", "Dark theme", "On"], cut: false });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await seriousViolations(page), "dark, the menu open").toEqual([]);

  await controlGateway("start");
  await expect.poll(async () => (await drawnText(pill)).text, BACK_ONLINE).toEqual(["Connected"]);
});

test("when the gateway dies during a run the hidden live region stops saying the agent is working, and the gateway panel calls its clients last known", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSession(page, "offline-announce");
  const announcements = page.getByRole("status", { name: "Run announcements" });
  await sendMessage(page, "Count slowly in a shell. fake:slowtool");
  const turn = transcript(page).getByRole("article").filter({ hasText: "Count slowly in a shell." });
  await expect(turn).toContainText("step 2", { timeout: 60_000 });
  await expect(announcements).toHaveText("Run started: the agent is working.");

  const panelButton = page.getByRole("button", { name: GATEWAY_BUTTON });
  await panelButton.click();
  const panel = page.getByRole("dialog", { name: "Gateway" });
  await expect(panel.getByRole("list", { name: "Connected clients", exact: true }).getByRole("listitem").filter({ hasText: "This tab" })).toHaveCount(1);
  await expect(panel.getByRole("note", { name: "Client list" })).toHaveCount(0);

  await controlGateway("sigkill");
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });
  // Sampled while the gateway is down and the run has no end.
  await expect(announcements).toHaveText("Connection lost: the run's state is unknown until the gateway is back.");
  await expect(panel.getByRole("list", { name: "Connected clients", exact: true })).toHaveCount(0);
  const lastKnown = panel.getByRole("list", { name: /^Clients last known at \d{2}:\d{2}:\d{2}$/ });
  await expect(lastKnown.getByRole("listitem").filter({ hasText: "This tab" })).toHaveCount(1);
  const label = (await lastKnown.getAttribute("aria-label")) ?? "";
  const at = /\d{2}:\d{2}:\d{2}$/.exec(label)?.[0];
  await expect(panel.getByRole("heading", { name: `Clients · last known at ${at}` })).toBeVisible();
  await expect(panel.getByRole("note", { name: "Client list" })).toHaveText(
    `Not connected since ${at}: this is who was connected then. Who is connected now is not known until the gateway is back.`,
  );
  // Nor does the uptime count on as if the killed gateway still ran.
  const uptime = panel.getByText("Uptime", { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(uptime).toHaveText(/^\d+ (s|min \d{2} s|h \d{2} min) when the connection dropped$/);
  const uptimeWhileDown = await uptime.textContent();
  await page.waitForTimeout(2_500);
  await expect(uptime).toHaveText(uptimeWhileDown ?? "");

  await controlGateway("start");
  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);
  await expect(panel.getByRole("list", { name: "Connected clients", exact: true }).getByRole("listitem").filter({ hasText: "This tab" })).toHaveCount(1, BACK_ONLINE);
  await expect(panel.getByRole("note", { name: "Client list" })).toHaveCount(0);
  // Back: the region tells what is known again (the connection, the killed run's end, or the resumed turn's start).
  await expect(announcements).toHaveText(/^(Connection back: following the run again\.|Run ended: .+|Run started: the agent is working\.)$/, BACK_ONLINE);
});
