/**
 * "Forget this gateway": everything this browser keeps for one gateway goes —
 * its token (both storages), the device token it issued, its run logs and
 * waiting messages (IndexedDB), the drafts and held messages of its sessions,
 * and its boot memory. The settings go first: the workspace unmounts, its
 * connection stops, and nothing is written for this gateway while the rest is
 * removed. Composed here because it spans features.
 */
import { connectionSettingsStore } from "@/features/connection/store/connection-settings-store";
import { readBootMemory, writeBootMemory } from "@/features/gateway-state/model/boot-memory";
import { forgetDeviceTokens } from "@/gateway/device-token-store";
import { forgetGatewayRecords } from "@/lib/forget-gateway-records";
import { draftKey, heldMessageKey, readStoredText, writeStoredText } from "@/lib/stored-text";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Removes the drafts and held messages of these sessions; says how many there were. */
function forgetSessionTexts(sessionKeys: Iterable<string>): number {
  let removed = 0;
  for (const sessionKey of sessionKeys) {
    for (const key of [draftKey(sessionKey), heldMessageKey(sessionKey)]) {
      if (readStoredText(key) === null) continue;
      writeStoredText(key, null);
      removed += 1;
    }
  }
  return removed;
}

function forgetBoot(gatewayUrl: string): void {
  const memory = { ...readBootMemory(localStorage) };
  delete memory[gatewayUrl];
  writeBootMemory(localStorage, memory);
}

/** `knownSessionKeys`: the gateway's sessions the page knows of (its session list), beyond those in the local records. */
export async function forgetGateway(gatewayUrl: string, knownSessionKeys: readonly string[]): Promise<string> {
  const settings = connectionSettingsStore.getState();
  const hadToken = settings.gatewayUrl === gatewayUrl && settings.token !== "";
  settings.gatewayForgotten(gatewayUrl);
  // Let the workspace unmount (its connection and writers stop) before the records go.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const deviceTokens = await forgetDeviceTokens(gatewayUrl);
  const records = await forgetGatewayRecords(gatewayUrl);
  const texts = forgetSessionTexts(new Set([...knownSessionKeys, ...records.sessionKeys]));
  forgetBoot(gatewayUrl);
  const summary =
    `Forgot ${gatewayUrl}: removed ${hadToken ? "its gateway token, " : ""}${count(deviceTokens, "device token", "device tokens")}, ` +
    `${count(records.runLogs, "run log", "run logs")}, ${count(records.waitingMessages, "waiting message", "waiting messages")} ` +
    `and ${count(texts, "draft or held message", "drafts or held messages")} from this browser.`;
  connectionSettingsStore.getState().gatewayForgetFinished(summary);
  return summary;
}
