/** One line of at most `n` characters, for replies and logs that quote long text. @param {string} s @param {number} n */
export const clip = (s, n) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};
