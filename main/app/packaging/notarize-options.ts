/**
 * macOS notarization credentials, from the environment only (never from the repo). Three ways,
 * the same as `xcrun notarytool`: an Apple ID with an app-specific password and team id; an App
 * Store Connect API key; or a profile stored with `xcrun notarytool store-credentials`.
 */
export type NotarizeCredentials =
  | { appleId: string; appleIdPassword: string; teamId: string }
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { keychainProfile: string; keychain?: string };

export type NotarizePlan =
  | { kind: 'notarize'; credentials: NotarizeCredentials }
  /** No credentials at all: an unsigned or local build, which is fine. */
  | { kind: 'skip' }
  /** Some credentials but not a whole set: a signing machine set up wrong, which must not pass. */
  | { kind: 'error'; message: string };

/** Some of a set of variables given, not all: a signing machine set up wrong must not pass quietly. */
function incomplete(env: NodeJS.ProcessEnv, names: readonly string[]): NotarizePlan {
  const absent = names.filter((name) => !env[name]);
  const given = names.filter((name) => env[name]);
  return { kind: 'error', message: `notarization: ${absent.join(', ')} not set (needed with ${given.join(', ')})` };
}

/** Decides from `env` whether and how to notarize. */
export function notarizePlan(env: NodeJS.ProcessEnv): NotarizePlan {
  const { APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID } = env;
  if (APPLE_ID || APPLE_APP_SPECIFIC_PASSWORD || APPLE_TEAM_ID) {
    if (!APPLE_ID || !APPLE_APP_SPECIFIC_PASSWORD || !APPLE_TEAM_ID) return incomplete(env, ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']);
    return { kind: 'notarize', credentials: { appleId: APPLE_ID, appleIdPassword: APPLE_APP_SPECIFIC_PASSWORD, teamId: APPLE_TEAM_ID } };
  }
  const { APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER } = env;
  if (APPLE_API_KEY || APPLE_API_KEY_ID || APPLE_API_ISSUER) {
    if (!APPLE_API_KEY || !APPLE_API_KEY_ID || !APPLE_API_ISSUER) return incomplete(env, ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']);
    return { kind: 'notarize', credentials: { appleApiKey: APPLE_API_KEY, appleApiKeyId: APPLE_API_KEY_ID, appleApiIssuer: APPLE_API_ISSUER } };
  }
  const { APPLE_KEYCHAIN_PROFILE, APPLE_KEYCHAIN } = env;
  if (APPLE_KEYCHAIN_PROFILE) {
    return { kind: 'notarize', credentials: { keychainProfile: APPLE_KEYCHAIN_PROFILE, ...(APPLE_KEYCHAIN ? { keychain: APPLE_KEYCHAIN } : {}) } };
  }
  return { kind: 'skip' };
}
