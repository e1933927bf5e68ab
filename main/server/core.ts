import type { AppConfig } from '../config/config';
import { createServices, type Services } from '../domain/services';
import { systemClock, type Clock } from '../domain/shared/clock';
import { openStore } from '../store/index';
import { createEmailChannel } from '../channels/email/email-channel';
import { AmiAdapter } from '../cti/ami/ami-adapter';
import type { AmiConfig } from '../cti/ami/ami-config';
import type { EmailPollState } from '../channels/email/email-channel.types';
import { startOutboundConnectors } from './connectors';
import { startSurveyInvites } from './survey-invites';

/** How often open tickets' SLAs and time-based rules are checked. */
const SLA_TICK_MS = 30_000;

/** Customer replies run their rules; a ticker watches SLAs and time-based rules. Returns the stop function. */
function startAutomation(services: Services, log: Logger): () => void {
  const off = services.bus.on('customerMessage', ({ ticketId }) => {
    const ticket = services.store.tickets.get(ticketId);
    if (ticket) void services.automation.handle({ type: 'customer_replied', ticket }).catch((err: unknown) => log.error('automation failed', { ticketId, message: (err as Error).message }));
  });
  const offUsers = services.bus.on('userChanged', ({ userId }) => {
    void services.routing.rebalance(userId).then(
      (moved) => {
        for (const t of moved) services.bus.publish('ticketChanged', { ticketId: t.id, kind: 'updated', teamId: t.teamId, assigneeId: t.assigneeId });
      },
      (err: unknown) => log.error('routing failed', { userId, message: (err as Error).message }),
    );
  });
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    services.slaMonitor
      .tick()
      .catch((err: unknown) => log.error('SLA check failed', { message: (err as Error).message }))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, SLA_TICK_MS);
  timer.unref();
  return () => {
    off();
    offUsers();
    clearInterval(timer);
  };
}

/** Connects to Asterisk AMI and feeds its call events to the CTI service (reconnects on its own). */
function startAmi(config: AmiConfig, services: Services, clock: Clock, log: Logger): AmiAdapter {
  const adapter = new AmiAdapter({ config, clock });
  adapter.on('callEvent', (e) => void services.cti.handle(e));
  adapter.on('status', (state) => log.info('AMI connection', { state }));
  void adapter.start().then((r) => {
    if (!r.ok) log.error('AMI login refused: check the AMI user and secret', { reason: r.reason });
  });
  return adapter;
}

/** Store setting holding the e-mail poller's cursor (mailbox, UIDVALIDITY, last UID). */
const EMAIL_STATE_SETTING = 'email.pollState';
import { createContextFactory, type Context, type CreateContextOptions } from './context';
import { consoleLogger, type Logger } from './logger';
import { appRouter, type AppRouter } from './router';

/** The service core: the same object in the Electron main process and the headless server. */
export interface Core {
  router: AppRouter;
  config: AppConfig;
  services: Services;
  createContext(opts: CreateContextOptions): Promise<Context>;
  close(): Promise<void>;
}

export interface CreateCoreOptions {
  config: AppConfig;
  clock?: Clock;
  log?: Logger;
}

/**
 * Opens the store in the data dir, wires the services, makes sure an admin exists (printing a
 * generated password once) and, in demo mode, fills an empty store with a demo floor.
 */
export async function createCore(opts: CreateCoreOptions): Promise<Core> {
  const { config } = opts;
  const log = opts.log ?? consoleLogger;
  const clock = opts.clock ?? systemClock;
  const store = await openStore({ dir: config.dataDir, fsync: config.fsync, log: (m) => log.info(m) });
  try {
    const services = createServices({ store, clock, sessionHours: config.sessionHours, timeZone: config.timeZone, defaultDdd: config.defaultDdd ?? null });
    const admin = await services.users.ensureAdmin(config.adminPassword);
    if (admin.generatedPassword) {
      log.warn(`first run: created user "admin" with password ${admin.generatedPassword} — change it after logging in`);
    }
    await services.auth.purgeExpired();
    await services.sla.ensureDefaults();
    if (config.demo) {
      // Loaded only in demo mode: the generator is not needed on a production floor.
      const { startDemoFloor } = await import('./demo-floor');
      await startDemoFloor(services, log);
    }
    const email = config.email?.enabled
      ? createEmailChannel({
          config: config.email,
          sink: services.intake,
          state: { getState: () => store.getSetting<EmailPollState>(EMAIL_STATE_SETTING) ?? null, setState: (s) => store.setSetting(EMAIL_STATE_SETTING, s) },
          logger: log,
        })
      : null;
    const stopAutomation = startAutomation(services, log);
    const stopConnectors = startOutboundConnectors(services, log, {
      connectorUrl: config.connectorUrl,
      secret: config.channelSecret,
      ...(email ? { sendEmail: (m) => email.sender.sendReply(m) } : {}),
    });
    const stopInvites = startSurveyInvites(services, log, {
      connectorUrl: config.connectorUrl,
      secret: config.channelSecret,
      ...(email ? { sendEmail: (m) => email.sender.sendReply(m) } : {}),
    });
    email?.start();
    const ami = config.ami?.enabled ? startAmi(config.ami, services, clock, log) : null;
    // KPI aggregates are built from history in the background: everything else answers meanwhile.
    services.metrics.warmUp().then(
      (ms) => {
        if (ms !== null) log.info(`KPI aggregates ready (${Math.round(ms)} ms)`);
      },
      (err: unknown) => log.error('KPI aggregates could not be built', { message: (err as Error).message }),
    );
    return {
      router: appRouter,
      config,
      services,
      createContext: createContextFactory(services),
      close: async () => {
        stopAutomation();
        stopConnectors();
        stopInvites();
        await email?.stop();
        await ami?.close();
        services.metrics.dispose();
        services.auditLog.dispose();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
