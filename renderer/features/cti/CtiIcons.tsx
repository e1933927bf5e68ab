import { Icon, type IconProps } from '../../components/icons/Icon';

const HANDSET = 'M5 3.5h3.2l1.6 4.3-2.2 1.5a11 11 0 0 0 7.1 7.1l1.5-2.2 4.3 1.6V19a1.9 1.9 0 0 1-2 1.9A16.5 16.5 0 0 1 3.1 5.5 1.9 1.9 0 0 1 5 3.5z';

export function PhoneIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d={HANDSET} />
    </Icon>
  );
}

/** Ringing: the handset with sound waves. */
export function PhoneRingingIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d={HANDSET} />
      <path d="M14.5 3.5a6 6 0 0 1 6 6" />
      <path d="M14.5 7a2.6 2.6 0 0 1 2.5 2.5" />
    </Icon>
  );
}

/** Missed / hung up: the handset crossed out. */
export function PhoneMissedIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d={HANDSET} />
      <path d="m15 3 6 6" />
      <path d="m21 3-6 6" />
    </Icon>
  );
}

/** Wrap-up: a clipboard with a tick. */
export function WrapUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="5" y="4.5" width="14" height="16.5" rx="2" />
      <path d="M9 4.5V3.5h6v1" />
      <path d="m8.8 13 2.3 2.3 4.3-4.6" />
    </Icon>
  );
}

export function HoldIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M10 9v6" />
      <path d="M14 9v6" />
    </Icon>
  );
}

export function BellIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15z" />
      <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
    </Icon>
  );
}

export function BellOffIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8.2 6.2A6 6 0 0 1 18 11v4" />
      <path d="M6 11v5.5L4.5 18h13" />
      <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
      <path d="m3.5 3.5 17 17" />
    </Icon>
  );
}

/** The simulator: a handset with a "play" triangle. */
export function SimulatorIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d={HANDSET} />
      <path d="m14.5 3.5 6 3.5-6 3.5z" />
    </Icon>
  );
}

export function MinimizeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 18h12" />
    </Icon>
  );
}
