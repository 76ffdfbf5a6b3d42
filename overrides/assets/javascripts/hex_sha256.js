// A file's SHA-256 as the build writes it (lowercase hex), shared by the
// scoring worker and the offline copy's service worker (the build writes this
// file's text into it, so it must import nothing).

/** The SHA-256 of ``bytes`` (an ArrayBuffer or a view of one), in lowercase hex. */
export async function hexSha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
