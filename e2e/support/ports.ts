/** E2E ports, apart from `npm start`'s (5173/19789/19790) so both can run at once. */
export const E2E_PORTS = { ui: 5273, gateway: 19889, provider: 19890, control: 5274 } as const;
