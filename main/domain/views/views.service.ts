import { QueueFilterSchema, type QueueFilterInput, type SavedView } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

/** Most views one agent may keep: the sidebar of views must stay usable. */
export const MAX_VIEWS_PER_USER = 30;

export type ViewResult = { ok: true; view: SavedView } | { ok: false; reason: 'not_found' | 'too_many_views' | 'name_taken' };

/** Personal saved queue views (a name and a filter), private to their owner. */
export class ViewsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  list(ownerId: string): SavedView[] {
    return this.store.views.byIndex('owner', ownerId).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'pt-BR'));
  }

  /** Creates a view, or replaces the filter of the owner's view `id`. */
  async save(ownerId: string, input: { id?: string; name: string; filter: QueueFilterInput }): Promise<ViewResult> {
    const mine = this.list(ownerId);
    const filter = QueueFilterSchema.parse(input.filter);
    const name = input.name.trim();
    const now = this.clock.now().toISOString();
    if (mine.some((v) => v.id !== input.id && v.name.toLocaleLowerCase('pt-BR') === name.toLocaleLowerCase('pt-BR'))) return { ok: false, reason: 'name_taken' };
    if (input.id) {
      const current = this.store.views.get(input.id);
      if (!current || current.ownerId !== ownerId) return { ok: false, reason: 'not_found' };
      const view = await this.store.write((tx) => tx.put('views', { ...current, name, filter, updatedAt: now }));
      return { ok: true, view };
    }
    if (mine.length >= MAX_VIEWS_PER_USER) return { ok: false, reason: 'too_many_views' };
    const order = mine.reduce((max, v) => Math.max(max, v.order + 1), 0);
    const view = await this.store.write((tx) => tx.put('views', { id: newId('viw'), createdAt: now, updatedAt: now, version: 0, ownerId, name, filter, order }));
    return { ok: true, view };
  }

  async remove(ownerId: string, id: string): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
    const current = this.store.views.get(id);
    if (!current || current.ownerId !== ownerId) return { ok: false, reason: 'not_found' };
    await this.store.write((tx) => tx.delete('views', id));
    return { ok: true };
  }
}
