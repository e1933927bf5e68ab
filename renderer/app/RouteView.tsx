import { AdminScreen } from '../features/admin/AdminScreen';
import { CustomersScreen } from '../features/customers/CustomersScreen';
import { CallSimulatorScreen } from '../features/cti/CallSimulatorScreen';
import { KnowledgeBaseScreen } from '../features/kb/KnowledgeBaseScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SupervisorScreen } from '../features/supervisor/SupervisorScreen';
import { TicketScreen } from '../features/tickets/TicketScreen';
import type { HashLocation } from './hash-route';
import { NotFoundScreen } from './NotFoundScreen';
import type { AppRoute, RouteId } from './routes';

const SCREENS: Record<RouteId, React.ComponentType> = {
  queue: QueueScreen,
  customers: CustomersScreen,
  supervisor: SupervisorScreen,
  kb: KnowledgeBaseScreen,
  admin: AdminScreen,
};

/** The screen of the current route, if the user may see it (`route` is its navigation item). */
export function RouteView({ route, location }: { route: AppRoute | null; location: HashLocation }) {
  if (!route) return <NotFoundScreen />;
  if (location.routeId === 'tickets') {
    const [ticketId] = location.params;
    // Keyed by id: a new ticket starts with a fresh composer and dialogs.
    return ticketId ? <TicketScreen key={ticketId} ticketId={ticketId} /> : <NotFoundScreen />;
  }
  if (location.routeId === 'customers') return <CustomersScreen customerId={location.params[0] ?? null} />;
  if (location.routeId === 'simulator') return <CallSimulatorScreen />;
  const Screen = SCREENS[route.id];
  return <Screen />;
}
