import type { IconProps } from '../../components/icons/Icon';
import type { CallPhase } from './call-state';
import { HoldIcon, PhoneIcon, PhoneMissedIcon, PhoneRingingIcon, WrapUpIcon } from './CtiIcons';

/** The glyph of a call phase (panel header, call bar). */
export function PhaseIcon({ phase, ...props }: IconProps & { phase: CallPhase }) {
  switch (phase) {
    case 'ringing':
      return <PhoneRingingIcon {...props} />;
    case 'talking':
      return <PhoneIcon {...props} />;
    case 'held':
      return <HoldIcon {...props} />;
    case 'wrapUp':
      return <WrapUpIcon {...props} />;
    case 'missed':
      return <PhoneMissedIcon {...props} />;
  }
}
