import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigFileSchema, ConfigSchema, MachineConfigFileSchema, type AppConfig, type LockableKey } from './config.schema';

export type { AppConfig } from './config.schema';

/** A configuration problem a person can fix; `key` names the offending setting. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
    readonly source: string,
  ) {
    super(`${source}: "${key}": ${message}`);
    this.name = 'ConfigError';
  }
}

/** Environment variables and the config key each one sets (values are strings, coerced below). */
const ENV_KEYS: Record<string, keyof AppConfig> = {
  ATENDE_DATA_DIR: 'dataDir',
  ATENDE_HOST: 'host',
  ATENDE_PORT: 'port',
  ATENDE_DEMO: 'demo',
  ATENDE_LANGUAGE: 'language',
  ATENDE_TIME_ZONE: 'timeZone',
  ATENDE_FSYNC: 'fsync',
  ATENDE_SESSION_HOURS: 'sessionHours',
  ATENDE_ADMIN_PASSWORD: 'adminPassword',
  ATENDE_RENDERER_DIR: 'rendererDir',
  ATENDE_CHANNEL_SECRET: 'channelSecret',
  ATENDE_CONNECTOR_URL: 'connectorUrl',
  ATENDE_DEFAULT_DDD: 'defaultDdd',
  ATENDE_CTI_SECRET: 'ctiSecret',
  ATENDE_UPDATE_URL: 'updateUrl',
  ATENDE_AUTO_UPDATE: 'autoUpdate',
};

const NUMBER_KEYS = new Set<keyof AppConfig>(['port', 'sessionHours']);
const BOOLEAN_KEYS = new Set<keyof AppConfig>(['demo', 'fsync', 'autoUpdate']);

function coerce(key: keyof AppConfig, raw: string, source: string): unknown {
  if (NUMBER_KEYS.has(key)) {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(key, `expected a whole number, got "${raw}"`, source);
    return Number(raw);
  }
  if (BOOLEAN_KEYS.has(key)) {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
    throw new ConfigError(key, `expected true or false, got "${raw}"`, source);
  }
  return raw;
}

function firstIssue(error: z.ZodError, source: string): ConfigError {
  const issue = error.issues[0];
  const key = issue?.path.join('.') || (issue && 'keys' in issue ? String((issue.keys as string[])[0]) : 'config');
  const unknown = issue?.code === 'unrecognized_keys';
  const message =
    unknown && key === 'locked'
      ? 'only the machine-wide file (IT) can lock settings'
      : unknown
        ? 'unknown setting'
        : (issue?.message ?? 'invalid configuration');
  return new ConfigError(key, message, source);
}

function parseFile<S extends z.ZodType>(path: string, schema: S): { data: z.infer<S>; given: Set<string> } | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('config', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('config', `not valid JSON (${(err as Error).message})`, path);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw firstIssue(parsed.error, path);
  return { data: parsed.data, given: new Set(Object.keys(json as object)) };
}

/** Keeps only the keys a file sets: schema defaults must not override lower layers. */
function onlyGiven(data: object, given: Set<string>): Partial<AppConfig> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => given.has(k))) as Partial<AppConfig>;
}

/** Reads and validates a JSON config file; a missing file is an empty config. */
export function readConfigFile(path: string): Partial<AppConfig> {
  const file = parseFile(path, ConfigFileSchema);
  return file ? onlyGiven(file.data, file.given) : {};
}

/** Reads the machine-wide file (IT): its settings and the keys it locks. A missing file sets nothing. */
export function readMachineConfigFile(path: string): { settings: Partial<AppConfig>; locked: LockableKey[] } {
  const file = parseFile(path, MachineConfigFileSchema);
  if (!file) return { settings: {}, locked: [] };
  const { locked = [], ...settings } = file.data;
  return { settings: onlyGiven(settings, file.given), locked };
}

export interface LoadConfigOptions {
  env: NodeJS.ProcessEnv;
  argv: string[];
  /** Electron's userData in the desktop app, `~/.atende` headless. */
  defaultDataDir?: string;
  /** Machine-wide files read before the user's (IT preconfiguration); they may lock keys. */
  machineFiles?: string[];
  /** Told when a user's file, variable or flag tries to change a locked key (the IT value is kept). */
  warn?: (message: string) => void;
}

/**
 * Builds the configuration from defaults, files, `ATENDE_*` env and flags (`--demo`,
 * `--data-dir DIR`, `--port N`, `--host H`). Throws `ConfigError` naming the bad key.
 */
export function loadConfig(opts: LoadConfigOptions): AppConfig {
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const raw = opts.env[name];
    if (raw !== undefined) fromEnv[key] = coerce(key, raw, `environment variable ${name}`);
  }
  const unknownEnv = Object.keys(opts.env).filter((k) => k.startsWith('ATENDE_') && !(k in ENV_KEYS));
  if (unknownEnv.length > 0) {
    throw new ConfigError(unknownEnv[0] as string, 'unknown environment variable', 'environment');
  }

  const fromArgs: Record<string, unknown> = {};
  const args = [...opts.argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const take = (key: keyof AppConfig) => {
      const value = args.shift();
      if (value === undefined) throw new ConfigError(key, `${arg} needs a value`, 'command line');
      fromArgs[key] = coerce(key, value, 'command line');
    };
    if (arg === '--demo') fromArgs.demo = true;
    else if (arg === '--data-dir') take('dataDir');
    else if (arg === '--port') take('port');
    else if (arg === '--host') take('host');
    else if (arg === '--') continue;
    else throw new ConfigError(arg, 'unknown command-line option', 'command line');
  }

  const dataDir = resolve(
    (fromArgs.dataDir as string | undefined) ??
      (fromEnv.dataDir as string | undefined) ??
      opts.defaultDataDir ??
      join(homedir(), '.atende'),
  );
  const merged: Record<string, unknown> = {};
  const lockedBy = new Map<string, string>();
  for (const file of opts.machineFiles ?? []) {
    const machine = readMachineConfigFile(file);
    Object.assign(merged, machine.settings);
    for (const key of machine.locked) lockedBy.set(key, file);
  }
  const userFile = join(dataDir, 'config.json');
  const userLayers: [string, Record<string, unknown>][] = [
    [userFile, readConfigFile(userFile)],
    ['environment', fromEnv],
    ['command line', fromArgs],
  ];
  // A locked key keeps the machine-wide value (or the default): like browser policies, the user's
  // attempt is reported and ignored rather than stopping the app on every agent's desk.
  for (const [source, values] of userLayers) {
    for (const [key, value] of Object.entries(values)) {
      const lock = lockedBy.get(key);
      if (lock === undefined) merged[key] = value;
      else opts.warn?.(`"${key}" is locked by IT in ${lock}: the value from ${source} is ignored`);
    }
  }
  merged.dataDir = dataDir;

  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) throw firstIssue(parsed.error, 'configuration');
  return parsed.data;
}
