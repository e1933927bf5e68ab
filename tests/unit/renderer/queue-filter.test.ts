import { describe, expect, it } from 'vitest';
import { QueueFilterSchema } from '../../../shared/schemas/queue';
import {
  activeFilterCount,
  emptyFilter,
  filterFromSearch,
  filterToSearch,
  normalizeFilter,
  sameFilter,
  toApiFilter,
  type QueueFilterState,
} from '../../../renderer/features/queue/queue-filter';

const full: QueueFilterState = {
  scope: 'teams',
  status: ['pending', 'open'],
  channel: ['whatsapp', 'email'],
  priority: ['urgent', 'high'],
  teamId: ['team_n2', 'team_geral'],
  tag: ['procon', 'estorno'],
  assignee: ['unassigned', 'me'],
  text: '  boleto atrasado ',
};

describe('queue filter ↔ address', () => {
  it('writes only what is set, in a canonical order', () => {
    expect(filterToSearch(emptyFilter())).toBe('');
    expect(filterToSearch({ ...emptyFilter(), status: ['open'] })).toBe('status=open');
    expect(filterToSearch(full)).toBe(
      'scope=teams&status=open%2Cpending&channel=email%2Cwhatsapp&priority=high%2Curgent&teamId=team_geral%2Cteam_n2&tag=estorno%2Cprocon&assignee=me%2Cunassigned&text=boleto+atrasado',
    );
  });

  it('round-trips every field', () => {
    const back = filterFromSearch(filterToSearch(full));
    expect(back).toEqual(normalizeFilter(full));
    expect(back.text).toBe('boleto atrasado');
    expect(filterFromSearch('')).toEqual(emptyFilter());
  });

  it('keeps accents, # and spaces of the search text', () => {
    const f = { ...emptyFilter(), text: '#1042 João & cia' };
    expect(filterFromSearch(filterToSearch(f)).text).toBe('#1042 João & cia');
  });

  it('drops anything the server would refuse: unknown values, bad ids, over-long text, duplicates', () => {
    const f = filterFromSearch(
      'scope=everything&status=open,closed,bogus,open&channel=fax&priority=urgent&teamId=team_x,../etc,a%20b&tag=ok,has%20space,x,,&assignee=me,<script>&text=' + 'a'.repeat(300),
    );
    expect(f.scope).toBeUndefined();
    expect(f.status).toEqual(['open', 'closed']);
    expect(f.channel).toEqual([]);
    expect(f.priority).toEqual(['urgent']);
    expect(f.teamId).toEqual(['team_x']);
    expect(f.tag).toEqual(['ok', 'x']);
    expect(f.assignee).toEqual(['me']);
    expect(f.text).toHaveLength(200);
    // Whatever the address said, the result is a valid API filter.
    expect(QueueFilterSchema.safeParse(toApiFilter(f)).success).toBe(true);
  });

  it('compares filters regardless of order, and matches a saved view’s server-side filter', () => {
    expect(sameFilter({ status: ['pending', 'open'] }, { status: ['open', 'pending'] })).toBe(true);
    expect(sameFilter({ status: ['open'] }, { status: ['open'], text: 'x' })).toBe(false);
    // A view comes back from the server with every default filled in.
    const stored = QueueFilterSchema.parse({ status: ['open'], channel: ['email'] });
    expect(sameFilter(normalizeFilter(stored), { ...emptyFilter(), channel: ['email'], status: ['open'] })).toBe(true);
  });

  it('counts active filters (the scope is not one)', () => {
    expect(activeFilterCount(emptyFilter())).toBe(0);
    expect(activeFilterCount({ ...emptyFilter(), scope: 'all' })).toBe(0);
    expect(activeFilterCount(normalizeFilter(full))).toBe(7);
  });

  it('sends scope only when chosen (the server picks the role’s default otherwise)', () => {
    expect(toApiFilter(emptyFilter())).not.toHaveProperty('scope');
    expect(toApiFilter({ ...emptyFilter(), scope: 'mine' })).toMatchObject({ scope: 'mine' });
  });
});
