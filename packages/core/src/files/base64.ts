/**
 * Base64 (RFC 4648, with padding) of bytes, as a bundle carries a file. `btoa` and `atob`
 * are in every browser and in Node, so the core needs no `Buffer`; they take a "binary
 * string", built here in slices so that a large file does not overflow the call stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const SLICE = 0x8000;
  for (let at = 0; at < bytes.length; at += SLICE) binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  return btoa(binary);
}

/** The bytes of a Base64 text; throws on characters that are not Base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
