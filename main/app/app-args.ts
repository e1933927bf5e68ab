/** What the command line asks of the app. */
export interface LaunchArgs {
  /** Flags for `loadConfig` (`--demo`, `--data-dir DIR`, ...). */
  configArgs: string[];
  /** `atende:`, `tel:` and `callto:` links the OS launched us with (Windows and Linux pass them as arguments). */
  deepLinks: string[];
}

/** loadConfig's flags, and whether each takes a value. */
const CONFIG_FLAGS: Readonly<Record<string, boolean>> = {
  '--demo': false,
  '--data-dir': true,
  '--port': true,
  '--host': true,
};

const isDeepLink = (arg: string) => /^(atende|tel|callto):/i.test(arg);

/**
 * Splits Electron's `process.argv` (or a second instance's argv) into config flags and deep links.
 *
 * Chromium and the OS add switches of their own (`--no-sandbox`, `--allow-file-access-from-files`,
 * macOS `-psn_...`), so without a `--` only our known flags are kept. After `--` every argument is
 * ours and passed on as is, so a typo (`npm start -- --dmeo`) is a clear start-up error.
 *
 * @param packaged - `app.isPackaged`: unpackaged, argv[1] is the app folder (`electron .`)
 */
export function parseLaunchArgs(argv: readonly string[], opts: { packaged: boolean }): LaunchArgs {
  const rest = argv.slice(opts.packaged ? 1 : 2);
  const deepLinks = rest.filter(isDeepLink);
  const args = rest.filter((arg) => !isDeepLink(arg) && !arg.startsWith('-psn_'));

  const separator = args.indexOf('--');
  if (separator >= 0) return { configArgs: args.slice(separator + 1), deepLinks };

  const configArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const takesValue = CONFIG_FLAGS[arg];
    if (takesValue === undefined) continue;
    configArgs.push(arg);
    const value = args[i + 1];
    if (takesValue && value !== undefined) {
      configArgs.push(value);
      i++;
    }
  }
  return { configArgs, deepLinks };
}
