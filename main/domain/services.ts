import type { Store } from '../store/store';
import { AuditLog } from './audit/audit-log';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { SlaMonitor } from './sla/sla-monitor';
import { SlaService } from './sla/sla.service';
import { AutomationService } from './automation/automation.service';
import { RoutingService } from './routing/routing.service';
import type { TicketPreparer } from './tickets/ticket-preparer';
import { CtiService } from './telephony/cti.service';
import { MetricsService } from './metrics/metrics.service';
import { KpiTargetsService } from './metrics/kpi-targets.service';
import { ReportsService } from './metrics/reports.service';
import { WallboardService } from './metrics/wallboard.service';
import { Customer360Service } from './customers/customer-360.service';
import { CustomersService } from './customers/customers.service';
import type { DomainEvents } from './events';
import type { Clock } from './shared/clock';
import { EventBus } from './shared/event-bus';
import { IntakeService } from './intake/intake.service';
import { MacrosService } from './macros/macros.service';
import { OpenTicketIndex } from './tickets/open-ticket-index';
import { QueueService } from './tickets/queue.service';
import { TicketWorkflowService } from './tickets/ticket-workflow.service';
import { TicketsService } from './tickets/tickets.service';
import { UsersService } from './users/users.service';
import { ViewsService } from './views/views.service';
import { KbService } from './kb/kb.service';
import { SurveysService } from './surveys/surveys.service';
import { TasksService } from './tasks/tasks.service';
import { SentimentService } from './assist/sentiment.service';
import { ReplySuggestionsService } from './assist/reply-suggestions.service';

/** Every domain service, wired once at start-up over one store, clock and bus. */
export interface Services {
  store: Store;
  clock: Clock;
  bus: EventBus<DomainEvents>;
  audit: AuditService;
  /** The audit trail in time order, for the admin's paged searches. */
  auditLog: AuditLog;
  auth: AuthService;
  users: UsersService;
  tickets: TicketsService;
  workflow: TicketWorkflowService;
  customers: CustomersService;
  customer360: Customer360Service;
  queue: QueueService;
  macros: MacrosService;
  views: ViewsService;
  intake: IntakeService;
  cti: CtiService;
  sla: SlaService;
  automation: AutomationService;
  routing: RoutingService;
  slaMonitor: SlaMonitor;
  metrics: MetricsService;
  kpiTargets: KpiTargetsService;
  wallboard: WallboardService;
  reports: ReportsService;
  kb: KbService;
  surveys: SurveysService;
  tasks: TasksService;
  sentiment: SentimentService;
  replySuggestions: ReplySuggestionsService;
}

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  sessionHours: number;
  /** The operation's IANA time zone (KPI buckets). */
  timeZone: string;
  /** CTI: the operation's DDD for caller numbers without one. */
  defaultDdd?: string | null;
}

export function createServices(deps: ServiceOptions): Services {
  const { store, clock } = deps;
  const bus = new EventBus<DomainEvents>();
  const audit = new AuditService(clock);
  const sla = new SlaService(store, clock, audit);
  const automation = new AutomationService(store, clock, audit, bus);
  const routing = new RoutingService(store, clock, audit);
  /** Every stored ticket: rules first (they may move it), then routing of unassigned work, then the SLA. */
  const prepare: TicketPreparer = (next, previous, tx) => {
    const ruled = automation.applyInTx(next, previous, tx);
    const moved = !previous || previous.teamId !== ruled.teamId;
    const routed = moved && !ruled.assigneeId ? routing.route(ruled, tx) : ruled;
    return sla.prepare(routed, previous);
  };
  const tickets = new TicketsService(store, clock, audit, bus, prepare);
  const users = new UsersService(store, clock, audit, bus);
  const customer360 = new Customer360Service(store, clock);
  const tasks = new TasksService(store, clock, audit, bus);
  const metrics = new MetricsService(store, clock, { timeZone: deps.timeZone, businessSeconds: (from, to, ticket) => sla.businessSeconds(from, to, ticket) });
  const kpiTargets = new KpiTargetsService(store, audit);
  const surveys = new SurveysService(store, clock, audit, bus, tasks);
  return {
    store,
    clock,
    bus,
    audit,
    auditLog: new AuditLog(store),
    auth: new AuthService(store, clock, audit, deps.sessionHours),
    users,
    tickets,
    workflow: new TicketWorkflowService(store, clock, audit, bus, prepare),
    customers: new CustomersService(store, clock, audit, bus),
    customer360,
    queue: new QueueService(store, tickets, new OpenTicketIndex(store)),
    macros: new MacrosService(store, clock, audit),
    views: new ViewsService(store, clock),
    intake: new IntakeService(store, clock, audit, bus, { prepare, surveys }),
    cti: new CtiService(store, clock, audit, bus, users, customer360, { defaultDdd: deps.defaultDdd ?? null }, prepare),
    sla,
    automation,
    routing,
    slaMonitor: new SlaMonitor(store, clock, bus, sla, automation),
    metrics,
    kpiTargets,
    wallboard: new WallboardService(store, clock, bus, metrics, kpiTargets, { timeZone: deps.timeZone }),
    reports: new ReportsService(store, clock, metrics, { timeZone: deps.timeZone, businessSeconds: (from, to, ticket) => sla.businessSeconds(from, to, ticket) }),
    kb: new KbService(store, clock, audit),
    surveys,
    tasks,
    sentiment: new SentimentService(store, bus),
    replySuggestions: new ReplySuggestionsService(store),
  };
}
