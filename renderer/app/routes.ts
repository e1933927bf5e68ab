import type { ComponentType } from 'react';
import type { IconProps } from '../components/icons/Icon';
import { AdminIcon, CustomersIcon, KbIcon, QueueIcon, SupervisorIcon } from '../components/icons/NavIcons';

export type Role = 'agent' | 'supervisor' | 'admin';
export type RouteId = 'queue' | 'customers' | 'supervisor' | 'kb' | 'admin';

export interface AppRoute {
  id: RouteId;
  /** Least role that sees the item and may open the screen (the server checks again). */
  minRole: Role;
  Icon: ComponentType<IconProps>;
}

/** Left navigation, in order; Alt+1… opens the n-th item the user can see. */
export const ROUTES: readonly AppRoute[] = [
  { id: 'queue', minRole: 'agent', Icon: QueueIcon },
  { id: 'customers', minRole: 'agent', Icon: CustomersIcon },
  { id: 'supervisor', minRole: 'supervisor', Icon: SupervisorIcon },
  { id: 'kb', minRole: 'agent', Icon: KbIcon },
  { id: 'admin', minRole: 'admin', Icon: AdminIcon },
];

export const DEFAULT_ROUTE: RouteId = 'queue';

/**
 * Screens opened from another screen rather than from the navigation (`#/tickets/<id>`): the
 * navigation item they belong to, which stays highlighted and decides who may open them.
 */
export const DETAIL_ROUTES: Readonly<Record<string, RouteId>> = { tickets: 'queue', simulator: 'supervisor' };

/** The navigation item a route id belongs to (itself, or the parent of a detail screen). */
export function navIdOf(routeId: string): string {
  return Object.hasOwn(DETAIL_ROUTES, routeId) ? (DETAIL_ROUTES[routeId] as RouteId) : routeId;
}

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

export function canSee(role: Role, route: AppRoute): boolean {
  return RANK[role] >= RANK[route.minRole];
}

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((r) => canSee(role, r));
}
