import type { CallState } from '../../shared/schemas/call-event';
import type { ScreenPop } from './telephony/screen-pop';

/** The domain events published on the core's bus. */
export interface DomainEvents extends Record<string, unknown> {
  /** A ticket was created, changed or removed (queue views refresh). */
  ticketChanged: { ticketId: string; kind: 'created' | 'updated' | 'deleted'; teamId: string | null; assigneeId: string | null };
  /** A user's profile or state changed (top bar, wallboard). */
  userChanged: { userId: string };
  /** A customer record changed. */
  customerChanged: { customerId: string };
  /** A customer message arrived on a ticket (automation, sentiment). */
  customerMessage: { ticketId: string; interactionId: string };
  /** An agent's public reply was stored: the channel connectors send it out. */
  agentReply: { ticketId: string; interactionId: string };
  /** The caller's 360° for the agent whose extension is ringing. */
  screenPop: { agentId: string; pop: ScreenPop };
  /** A call of this agent moved on (answered, held, ended → wrap-up). */
  callChanged: { callId: string; agentId: string; state: CallState; customerId: string | null; at: string };
  /** An open ticket's SLA target crossed into warning or breach. */
  slaChanged: { ticketId: string; target: 'first_response' | 'resolution'; level: 'warning' | 'breached' };
  /** An automation rule asks to notify users about a ticket. */
  notification: { userIds: readonly string[]; ticketId: string; ruleName: string };
  /** A rule (or the solve) asks for a satisfaction survey. */
  surveyRequested: { ticketId: string; kind: 'csat' | 'nps' };
  /** Any call changed (wallboard: calls waiting, longest wait). */
  callsChanged: { callId: string; state: CallState };
  /**
   * The desktop app was opened with a link (`tel:`, `callto:`, `atende://…`), already parsed and
   * validated by main/cti/links.ts (`CtiLink`). A desktop has one signed-in user, so no addressee:
   * the window's subscription acts on it (dial, open the customer or the ticket).
   */
  deepLink:
    | { kind: 'dial'; number: string; scheme: 'tel' | 'callto' | 'atende' }
    | { kind: 'customer'; customerId: string }
    | { kind: 'ticket'; ticket: { by: 'number'; number: number } | { by: 'id'; id: string } };
  /** A survey was created: `token` is its only plain copy, for the invitation (never stored). */
  surveyCreated: { surveyId: string; ticketId: string | null; customerId: string; kind: 'csat' | 'nps'; token: string };
  /** A survey was answered (ticket screen, 360°) or a follow-up task changed. */
  surveyChanged: { surveyId: string | null; ticketId: string | null; customerId: string | null };
}
