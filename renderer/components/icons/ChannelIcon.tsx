import { Icon, type IconProps } from './Icon';

export type ChannelName = 'phone' | 'email' | 'chat' | 'whatsapp' | 'social' | 'web';

/** One glyph per contact channel. */
export function ChannelIcon({ channel, ...props }: IconProps & { channel: ChannelName }) {
  switch (channel) {
    case 'phone':
      return (
        <Icon {...props}>
          <path d="M5 3.5h3.2l1.6 4.3-2.2 1.5a11 11 0 0 0 7.1 7.1l1.5-2.2 4.3 1.6V19a1.9 1.9 0 0 1-2 1.9A16.5 16.5 0 0 1 3.1 5.5 1.9 1.9 0 0 1 5 3.5z" />
        </Icon>
      );
    case 'email':
      return (
        <Icon {...props}>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M3.5 6.5 12 13l8.5-6.5" />
        </Icon>
      );
    case 'chat':
      return (
        <Icon {...props}>
          <path d="M4 5h16v11H9l-5 4z" />
          <path d="M8 9.5h8" />
          <path d="M8 12.5h5" />
        </Icon>
      );
    case 'whatsapp':
      return (
        <Icon {...props}>
          <path d="M3.5 20.5l1.3-4.2a8.5 8.5 0 1 1 3.1 3z" />
          <path d="M9 8.5c0 3.3 3.2 6.5 6.5 6.5l1-1.6-2-1-1 .9c-1-.4-2.4-1.8-2.8-2.8l.9-1-1-2z" />
        </Icon>
      );
    case 'social':
      return (
        <Icon {...props}>
          <circle cx="6" cy="12" r="2.5" />
          <circle cx="18" cy="6" r="2.5" />
          <circle cx="18" cy="18" r="2.5" />
          <path d="M8.2 10.8l7.6-3.6" />
          <path d="M8.2 13.2l7.6 3.6" />
        </Icon>
      );
    case 'web':
      return (
        <Icon {...props}>
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18" />
          <path d="M12 3c2.5 2.5 3.7 5.5 3.7 9s-1.2 6.5-3.7 9c-2.5-2.5-3.7-5.5-3.7-9S9.5 5.5 12 3z" />
        </Icon>
      );
  }
}
