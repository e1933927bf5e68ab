/** The threading headers of a parsed mail, as mailparser returns them. */
export interface ThreadHeaders {
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string | string[] | undefined;
}

/** How one e-mail sits in its thread, in the terms of `InboundMessage`. */
export interface ThreadIds {
  /** This message's Message-ID, `<local@domain>`: the InboundMessage's `externalId`. */
  messageId: string;
  /** The thread root's Message-ID: first of References, else In-Reply-To, else the message itself. */
  conversationId: string;
  /** Ancestors, nearest first: In-Reply-To, then References from the newest back to the root. */
  inReplyTo: string[];
}

/** InboundMessage limits: ids are at most 500 characters, `inReplyTo` at most 100 of them. */
const MAX_ID_LENGTH = 500;
const MAX_ANCESTORS = 100;

/**
 * The Message-IDs in a header value, each as `<local@domain>`, in header order. Tolerates what
 * real mailers write: comments and names around the ids, ids without brackets, commas.
 */
export function messageIdsIn(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '');
  const bare = bracketed.length > 0 ? bracketed : text.split(/[\s,]+/).filter((token) => token.includes('@'));
  return bare.map((id) => `<${id}>`).filter((id) => id.length > 2 && id.length <= MAX_ID_LENGTH);
}

/** One Message-ID normalized to `<local@domain>`, or null when the value holds none. */
export function normalizeMessageId(value: string | undefined): string | null {
  return messageIdsIn(value)[0] ?? null;
}

/**
 * Threading ids of a parsed mail. `fallbackMessageId` stands in for a missing or unusable
 * Message-ID (the poller derives one from the raw bytes, so a re-fetch gets the same id); without
 * one such a mail has no identity and the result is null.
 */
export function threadIdsOf(mail: ThreadHeaders, fallbackMessageId?: string): ThreadIds | null {
  const messageId = normalizeMessageId(mail.messageId) ?? normalizeMessageId(fallbackMessageId);
  if (messageId === null) return null;
  const inReplyTo = messageIdsIn(mail.inReplyTo);
  const references = messageIdsIn(mail.references);
  const conversationId = references[0] ?? inReplyTo[0] ?? messageId;
  // Nearest first, so an intake that looks ancestors up one by one finds the closest known one.
  const ancestors = [...new Set([...inReplyTo, ...references.reverse()])].filter((id) => id !== messageId);
  return { messageId, conversationId, inReplyTo: ancestors.slice(0, MAX_ANCESTORS) };
}
