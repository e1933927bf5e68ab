import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, parseLocation } from '../../../renderer/app/hash-route';
import { canSee, ROUTES, routesFor } from '../../../renderer/app/routes';
import { SUPERVISOR_TABS, supervisorHref, supervisorViewOf } from '../../../renderer/features/supervisor/supervisor-view';

describe('navigation by role', () => {
  it('shows agents the queue, customers and KB only', () => {
    expect(routesFor('agent').map((r) => r.id)).toEqual(['queue', 'customers', 'kb']);
  });

  it('adds supervision for supervisors, and admin for admins', () => {
    expect(routesFor('supervisor').map((r) => r.id)).toEqual(['queue', 'customers', 'supervisor', 'kb']);
    expect(routesFor('admin').map((r) => r.id)).toEqual(['queue', 'customers', 'supervisor', 'kb', 'admin']);
  });
});

describe('hash routes', () => {
  it('parses the first path segment, defaulting to the queue', () => {
    expect(parseHash('')).toBe('queue');
    expect(parseHash('#')).toBe('queue');
    expect(parseHash('#/')).toBe('queue');
    expect(parseHash('#/admin')).toBe('admin');
    expect(parseHash('#/customers/123?tab=history')).toBe('customers');
    expect(parseHash(hrefFor('kb'))).toBe('kb');
  });

  it('address admin sections by their second segment (the audit log at #/admin/audit)', () => {
    expect(hrefFor('admin', 'audit')).toBe('#/admin/audit');
    expect(parseLocation('#/admin/audit')).toEqual({ routeId: 'admin', params: ['audit'], search: '' });
  });
});

describe('supervisor tabs', () => {
  it('are the wallboard, the reports and the surveys, each with its own address', () => {
    expect(SUPERVISOR_TABS).toEqual(['wallboard', 'reports', 'surveys']);
    expect(supervisorHref('wallboard')).toBe('#/supervisor');
    expect(supervisorHref('reports')).toBe('#/supervisor/reports');
    expect(supervisorHref('surveys')).toBe('#/supervisor/surveys');
  });

  it('read the view from the address; anything unknown is the wallboard', () => {
    for (const tab of SUPERVISOR_TABS) expect(supervisorViewOf(parseLocation(supervisorHref(tab)).params)).toBe(tab);
    expect(supervisorViewOf(parseLocation('#/supervisor/tv').params)).toBe('tv');
    expect(supervisorViewOf(parseLocation('#/supervisor/reports?preset=last7').params)).toBe('reports');
    expect(supervisorViewOf(parseLocation('#/supervisor/nope').params)).toBe('wallboard');
  });

  it('all belong to the supervisor route, which agents cannot open', () => {
    const supervisor = ROUTES.find((r) => r.id === 'supervisor');
    if (!supervisor) throw new Error('no supervisor route');
    expect(parseHash('#/supervisor/surveys')).toBe('supervisor');
    expect(canSee('agent', supervisor)).toBe(false);
    expect(canSee('supervisor', supervisor)).toBe(true);
    expect(canSee('admin', supervisor)).toBe(true);
  });
});
