import type { CallEvent } from '../../../shared/schemas/call-event';
import type { Customer360, MaskedCustomer } from '../customers/customer-360.service';

/** What the agent whose extension rang sees at once: the caller's 360° or the choices. */
export interface ScreenPop {
  callId: string;
  ani: string | null;
  dnis: string | null;
  queue: string | null;
  extension: string;
  ivr: Record<string, string>;
  at: string;
  /** How the caller was found: phone, CPF typed in the IVR, or not at all. */
  matchedBy: 'phone' | 'cpf' | null;
  /** Every candidate (several → the agent chooses; none → quick-create prefilled with the number). */
  matches: MaskedCustomer[];
  /** The 360° payload when exactly one customer matched. */
  view: Customer360 | null;
}

/** A call's progress for the agent on it (answered, held, ended → wrap-up form). */
export interface CallUpdate {
  callId: string;
  state: CallEvent['state'];
  at: string;
  customerId: string | null;
}
