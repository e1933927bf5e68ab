/** Minimal structured logger; the desktop app and the server both log to the console. */
export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (msg, data) => console.log(`[atende] ${msg}`, data ? JSON.stringify(data) : ''),
  warn: (msg, data) => console.warn(`[atende] ${msg}`, data ? JSON.stringify(data) : ''),
  error: (msg, data) => console.error(`[atende] ${msg}`, data ? JSON.stringify(data) : ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
