// Signals are sent to processes that may already have exited; that is the goal reached, not an error.

/** @param {number} pid @param {NodeJS.Signals} sig */
export function signalProcess(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** @param {number} pgid @param {NodeJS.Signals} sig */
export function signalProcessGroup(pgid, sig) {
  signalProcess(-pgid, sig);
}
