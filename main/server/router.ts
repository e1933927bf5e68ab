import { assistRouter } from './routers/assist.router';
import { auditRouter } from './routers/audit.router';
import { authRouter } from './routers/auth.router';
import { automationRouter } from './routers/automation.router';
import { ctiRouter } from './routers/cti.router';
import { routingRouter, slaRouter } from './routers/sla.router';
import { customersRouter } from './routers/customers.router';
import { healthRouter } from './routers/health.router';
import { kbRouter } from './routers/kb.router';
import { macrosRouter } from './routers/macros.router';
import { metricsRouter } from './routers/metrics.router';
import { reportsRouter } from './routers/reports.router';
import { surveysRouter } from './routers/surveys.router';
import { systemRouter } from './routers/system.router';
import { ticketsRouter } from './routers/tickets.router';
import { teamsRouter, usersRouter } from './routers/users.router';
import { viewsRouter } from './routers/views.router';
import { wallboardRouter } from './routers/wallboard.router';
import { router } from './trpc';

/** The one API: desktop (IPC), browser (HTTP/WS), CLI and tests all call these procedures. */
export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  system: systemRouter,
  users: usersRouter,
  teams: teamsRouter,
  tickets: ticketsRouter,
  customers: customersRouter,
  macros: macrosRouter,
  views: viewsRouter,
  metrics: metricsRouter,
  wallboard: wallboardRouter,
  reports: reportsRouter,
  cti: ctiRouter,
  automation: automationRouter,
  sla: slaRouter,
  routing: routingRouter,
  audit: auditRouter,
  kb: kbRouter,
  surveys: surveysRouter,
  assist: assistRouter,
});

export type AppRouter = typeof appRouter;
