/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `test` every `every` ms for up to `ms`; resolves with its last answer. @param {() => boolean} test @param {number} ms @param {number} [every] */
export async function waitUntil(test, ms, every = 100) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(every);
  }
  return test();
}
