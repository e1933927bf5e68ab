/**
 * Reply prefixes mail clients add: English `Re:`, Portuguese `Res:`/`Resp:`, German `AW:`, and the
 * counted forms some clients write (`Re[2]:`, `RE(3):`).
 */
const REPLY_PREFIX = /^\s*(?:re|res|resp|aw)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** `Re: <subject>` with exactly one reply prefix, however many the ticket's subject already had. */
export function replySubject(subject: string): string {
  let rest = subject.replace(/[\r\n]+/g, ' ').trim();
  while (REPLY_PREFIX.test(rest)) rest = rest.replace(REPLY_PREFIX, '');
  return rest === '' ? 'Re:' : `Re: ${rest}`;
}
