/**
 * E2E ports, apart from `npm start`'s (5173/19789/19790) so both can run at once.
 * CLAWSCOPE_E2E_PORT_OFFSET shifts them all, so two e2e runs (e.g. two
 * developers' checkouts on one machine) can run side by side.
 */
const offset = Number(process.env.CLAWSCOPE_E2E_PORT_OFFSET ?? 0);

export const E2E_PORTS = {
  ui: 5273 + offset,
  gateway: 19889 + offset,
  provider: 19890 + offset,
  control: 5274 + offset,
} as const;

/** Folder names for this run's gateway state and UI build, kept apart per offset. */
export const E2E_INSTANCE = offset === 0 ? "e2e" : `e2e-${offset}`;
export const E2E_DIST = process.env.CLAWSCOPE_E2E_DIST ?? "dist";
