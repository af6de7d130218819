/**
 * Where the connection settings live. The tab's own choice, token included, is
 * in sessionStorage (gone with the tab, as OpenClaw's Control UI keeps its
 * token). localStorage keeps what the user picked for later tabs: gateway and
 * session, and the token only when they checked "Remember on this device".
 * A gateway chosen by a launch link is never written there: a link lasts for
 * the tab that accepted it.
 */

export type SettingsSource = "link" | "user" | "embedded" | "same-origin";

export interface ConnectionSettings {
  gatewayUrl: string | null;
  token: string;
  sessionKey: string | null;
  source: SettingsSource | null;
  /** Keep the token in localStorage for later tabs ("Remember on this device"). */
  remember: boolean;
}

export const DEVICE_SETTINGS_KEY = "clawscope.connection.v1";
export const TAB_SETTINGS_KEY = "clawscope.connection.tab.v1";
export const EMPTY_SETTINGS: ConnectionSettings = { gatewayUrl: null, token: "", sessionKey: null, source: null, remember: false };

const SOURCES: readonly SettingsSource[] = ["link", "user", "embedded", "same-origin"];

function read(storage: Storage, key: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? "null");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function source(value: unknown): SettingsSource | null {
  return SOURCES.includes(value as SettingsSource) ? (value as SettingsSource) : null;
}

export function loadSettings(): ConnectionSettings {
  const device = read(localStorage, DEVICE_SETTINGS_KEY);
  const remember = device?.remember === true;
  const tab = read(sessionStorage, TAB_SETTINGS_KEY);
  if (tab) {
    return { gatewayUrl: text(tab.gatewayUrl), token: text(tab.token) ?? "", sessionKey: text(tab.sessionKey), source: source(tab.source), remember };
  }
  // Older versions kept every link's gateway here without asking: such a choice is not trusted now.
  if (!device || source(device.source) === "link") return EMPTY_SETTINGS;
  return {
    gatewayUrl: text(device.gatewayUrl),
    // An older version's token (no `remember` flag) serves this tab once; the next save takes it out of localStorage.
    token: text(device.token) ?? "",
    sessionKey: text(device.sessionKey),
    source: source(device.source),
    remember,
  };
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the settings still work in this page.
  }
}

export function saveSettings(settings: ConnectionSettings): void {
  const { gatewayUrl, token, sessionKey, source, remember } = settings;
  write(sessionStorage, TAB_SETTINGS_KEY, { gatewayUrl, token, sessionKey, source });
  if (source === "link") return;
  // The embedded gateway's token comes from `npm start` on every load; only a token the user entered is worth remembering.
  const rememberedToken = remember && source === "user" && token ? { token } : {};
  write(localStorage, DEVICE_SETTINGS_KEY, { gatewayUrl, sessionKey, source, remember, ...rememberedToken });
}

export function forgetStoredSettings(): void {
  try {
    localStorage.removeItem(DEVICE_SETTINGS_KEY);
    sessionStorage.removeItem(TAB_SETTINGS_KEY);
  } catch {
    // Nothing stored to forget.
  }
}
