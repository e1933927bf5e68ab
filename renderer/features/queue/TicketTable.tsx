import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../app/hash-route';
import { ChannelLabel } from '../../components/ChannelLabel';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlaBadge } from '../../components/SlaBadge';
import { Spinner } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { QueueRow } from './useQueueTickets';

const ROW_HEIGHT = 44;
/** Ask for the next page when the last loaded row is this close to the viewport. */
const LOAD_AHEAD_ROWS = 20;

const COLUMNS = ['number', 'customer', 'subject', 'channel', 'priority', 'status', 'sla', 'updated'] as const;

export interface TicketTableProps {
  rows: QueueRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Enter, `o`, or a click on a row. */
  onOpen: (row: QueueRow) => void;
  /** The row to start on (the ticket the agent just came back from). */
  initialActiveId?: string | null;
  now: number;
  language: string;
}

/**
 * The queue as an ARIA table with a virtual body: only the rows in view are in the DOM, so a
 * floor's thousand open tickets scroll as smoothly as ten. Rows take focus one at a time
 * (↑/↓ or k/j, Page Up/Down, Home/End); Enter or `o` opens the focused ticket.
 */
export function TicketTable({ rows, total, hasMore, loadingMore, onLoadMore, onOpen, initialActiveId, now, language }: TicketTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLDivElement>());
  const [activeIndex, setActiveIndex] = useState(() => Math.max(0, initialActiveId ? rows.findIndex((r) => r.id === initialActiveId) : 0));
  const pendingFocus = useRef<number | null>(null);
  const count = rows.length + (hasMore ? 1 : 0);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  // Back from a ticket: scroll its row into view and give it the focus.
  useEffect(() => {
    if (!initialActiveId || rows[activeIndex]?.id !== initialActiveId) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'center' });
    const el = rowRefs.current.get(activeIndex);
    if (el) el.focus({ preventScroll: true });
    else pendingFocus.current = activeIndex;
    // Only on mount: later moves go through moveTo.
  }, []);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  // The queue shrinks when tickets are solved elsewhere: keep the focus target in range.
  useEffect(() => {
    if (activeIndex > 0 && activeIndex >= rows.length) setActiveIndex(Math.max(0, rows.length - 1));
  }, [activeIndex, rows.length]);

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const el = rowRefs.current.get(pendingFocus.current);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === 'o') {
      const row = rows[activeIndex];
      if (!row) return;
      event.preventDefault();
      onOpen(row);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      j: activeIndex + 1,
      k: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <div className="ticket-table" role="table" aria-label={t('queue.tableLabel')} aria-rowcount={total + 1}>
      <div className="ticket-table__head" role="rowgroup">
        <div className="ticket-table__row ticket-table__row--head" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <div key={column} role="columnheader" className={`ticket-table__cell ticket-table__cell--${column}`}>
              {t(`queue.columns.${column}`)}
            </div>
          ))}
        </div>
      </div>
      <div className="ticket-table__scroll" ref={scrollRef}>
        <div role="rowgroup" className="ticket-table__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (!row) {
              return (
                <div key="loader" role="row" className="ticket-table__row ticket-table__row--loader" style={style} aria-rowindex={item.index + 2}>
                  <div role="cell" className="ticket-table__loader">
                    <Spinner size={16} />
                    {t('queue.loadingMore')}
                  </div>
                </div>
              );
            }
            return (
              <div
                key={row.id}
                ref={(el) => {
                  if (el) rowRefs.current.set(item.index, el);
                  else rowRefs.current.delete(item.index);
                }}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className={`ticket-table__row ticket-table__row--${row.priority}`}
                style={style}
                onFocus={() => setActiveIndex(item.index)}
                onClick={(event: MouseEvent) => {
                  // A selection (copying a subject) is not a click on the row; the link handles itself.
                  if (window.getSelection()?.toString() || (event.target as HTMLElement).closest('a')) return;
                  onOpen(row);
                }}
              >
                <div role="cell" className="ticket-table__cell ticket-table__cell--number">
                  #{row.number}
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--customer" title={row.customerName}>
                  {row.customerName}
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--subject">
                  <a
                    className="ticket-table__subject"
                    href={ticketHref(row.id)}
                    title={row.subject}
                    tabIndex={-1}
                    onClick={(event) => {
                      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                      event.preventDefault();
                      onOpen(row);
                    }}
                  >
                    {row.subject}
                  </a>
                  <span className="ticket-table__secondary">
                    {[row.teamName, row.assigneeName ?? t('queue.unassigned')].filter(Boolean).join(' · ')}
                  </span>
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--channel">
                  <ChannelLabel channel={row.channel} />
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--priority">
                  <PriorityBadge priority={row.priority} />
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--status">
                  <StatusBadge status={row.status} />
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--sla">
                  <SlaBadge sla={{ dueAt: row.slaDueAt, startedAt: row.slaStartedAt, paused: row.slaPaused }} now={now} language={language} compact />
                </div>
                <div role="cell" className="ticket-table__cell ticket-table__cell--updated" title={t('queue.updatedAt', { date: formatDateTime(row.updatedAt, language) })}>
                  {formatRelative(row.updatedAt, now, language, t('time.now'))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
