import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../../../renderer/app/hash-route';
import { routesFor } from '../../../renderer/app/routes';

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
});
