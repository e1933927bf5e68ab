import { Icon, type IconProps } from './Icon';

/** Queue: stacked rows (an inbox of work). */
export function QueueIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 5h16" />
      <path d="M4 10h16" />
      <path d="M4 15h10" />
      <path d="M4 20h7" />
      <circle cx="18.5" cy="18.5" r="2.5" />
    </Icon>
  );
}

export function CustomersIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.6-3.6 3.3-5.5 6.5-5.5s5.9 1.9 6.5 5.5" />
      <path d="M16 4.8a3.3 3.3 0 0 1 0 6.4" />
      <path d="M18 14.8c2 .6 3.2 2.3 3.5 5.2" />
    </Icon>
  );
}

/** Supervisor: a gauge. */
export function SupervisorIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3.5 17a8.5 8.5 0 1 1 17 0" />
      <path d="M12 17l4-5.5" />
      <circle cx="12" cy="17" r="1.4" />
      <path d="M3 20.5h18" />
    </Icon>
  );
}

/** Knowledge base: an open book. */
export function KbIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 6.5C10 5 7.3 4.5 3.5 4.5v14c3.8 0 6.5.5 8.5 2 2-1.5 4.7-2 8.5-2v-14c-3.8 0-6.5.5-8.5 2z" />
      <path d="M12 6.5v14" />
    </Icon>
  );
}

/** Admin: a sliders panel. */
export function AdminIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 6h9" />
      <path d="M17 6h3" />
      <circle cx="15" cy="6" r="2" />
      <path d="M4 12h3" />
      <path d="M11 12h9" />
      <circle cx="9" cy="12" r="2" />
      <path d="M4 18h11" />
      <path d="M19 18h1" />
      <circle cx="17" cy="18" r="2" />
    </Icon>
  );
}
