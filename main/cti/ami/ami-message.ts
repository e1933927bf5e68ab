/**
 * One AMI packet (event, response or action) as its `Key: Value` lines. Keys keep the case
 * Asterisk sent; a key that repeats (`ChanVariable`, `Output`) holds its values joined by "\n".
 * Built on a null-prototype object so a key named `__proto__` is just a key.
 */
export type AmiMessage = Readonly<Record<string, string>>;

/** Builds an AmiMessage from plain fields (null-prototype, like the parser's). */
export function amiMessage(fields: Record<string, string>): AmiMessage {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(fields)) out[key] = value;
  return out;
}

/** Field lookup that tolerates case differences between Asterisk versions (`UniqueID` vs `Uniqueid`). */
export function amiField(message: AmiMessage, key: string): string | undefined {
  const exact = message[key];
  if (exact !== undefined) return exact;
  const lower = key.toLowerCase();
  for (const k of Object.keys(message)) if (k.toLowerCase() === lower) return message[k];
  return undefined;
}

/**
 * Serializes fields as an AMI packet (CRLF lines, blank line at the end).
 * @throws if a key or value contains CR or LF: that would inject a second action into the stream.
 */
export function formatAmiMessage(fields: Record<string, string>): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (/[\r\n:]/.test(key) || /[\r\n]/.test(value)) throw new Error(`AMI field ${JSON.stringify(key)} contains a line break`);
    out += `${key}: ${value}\r\n`;
  }
  return `${out}\r\n`;
}
