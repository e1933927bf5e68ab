/** Reading Asterisk channel names and caller-id fields. */

/** Asterisk channel states (ChannelState) that matter to a call's progress. */
export const CHANNEL_STATE_RINGING = '5';
export const CHANNEL_STATE_UP = '6';

const EXTENSION = /^[A-Za-z0-9_.*#+-]{1,20}$/;

/**
 * The extension (device or queue-member name) in a channel or interface name:
 * `PJSIP/2001-00000012`, `SIP/2001-0000abcd`, `PJSIP/2001`, `Local/2001@from-queue-00000001;1`,
 * `Local/2001@from-queue/n` → `2001`. Null when there is none.
 */
export function extensionFromChannel(channel: string | undefined): string | null {
  if (!channel) return null;
  const slash = channel.indexOf('/');
  if (slash <= 0) return null;
  const rest = channel
    .slice(slash + 1)
    .replace(/;\d+$/, '') // Local channel half (;1 / ;2)
    .replace(/-[0-9a-f]{8}$/i, ''); // the uniquifier Asterisk appends to every channel
  const name = rest.split('@')[0]?.split('/')[0] ?? '';
  return EXTENSION.test(name) ? name : null;
}

/**
 * A caller-id or dialled number as something worth keeping: Asterisk sends `<unknown>`,
 * `anonymous`, `s` or an empty string when there is no number.
 */
export function phoneField(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v || !/\d/.test(v) || /^<.*>$/.test(v)) return null;
  return v.slice(0, 40);
}
