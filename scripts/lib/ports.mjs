import net from "node:net";

/** @param {number} port @param {string} [host] @returns {Promise<boolean>} */
export function isPortInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (/** @type {boolean} */ used) => {
      socket.destroy();
      resolve(used);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
