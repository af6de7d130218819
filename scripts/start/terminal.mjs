// Every line says how long after launch it happened, so a slow gateway boot reads as progress.

const t0 = Date.now();

export const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;

/** @param {string} line */
export const say = (line) => console.log(`${stamp()} ${line}`);
