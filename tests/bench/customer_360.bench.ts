/**
 * The customer 360° payload at 100k customers and ~1M interactions: random customers (weighted
 * like real traffic: frequent callers come back more) through the service `customers.view360` uses.
 */
import { Customer360Service } from '../../main/domain/customers/customer-360.service';
import { ManualClock } from '../../main/domain/shared/clock';
import { BENCH_NOW, benchFloor } from './bench-floor';
import { percentile, round, sample, type BenchResult } from './harness';

const CUSTOMERS = 100_000;
/** The generator writes ~4.7 interactions per ticket: 215k tickets ≈ 1M interactions. */
const TICKETS = 215_000;
const LOOKUPS = 2_000;

export default async function customer360Bench(): Promise<BenchResult[]> {
  const { store, dispose } = await benchFloor({ customers: CUSTOMERS, tickets: TICKETS, days: 90 });
  try {
    const service = new Customer360Service(store, new ManualClock(BENCH_NOW));
    const ids = [...store.customers.values()].map((c) => c.id);
    let seed = 12345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    // The heaviest customer too: the generator's repeat callers have the longest histories.
    const durations = await sample(LOOKUPS, (i) => service.view(i % 10 === 0 ? (ids[0] as string) : (ids[Math.floor(next() * ids.length)] as string)));
    const info = { customers: store.customers.size(), interactions: store.interactions.size(), tickets: store.tickets.size(), lookups: LOOKUPS };
    return [
      { bench: 'customer_360', metric: 'view_p50', value: round(percentile(durations, 50)), unit: 'ms', info },
      { bench: 'customer_360', metric: 'view_p99', value: round(percentile(durations, 99)), unit: 'ms', bound: 20, info },
    ];
  } finally {
    await dispose();
  }
}
