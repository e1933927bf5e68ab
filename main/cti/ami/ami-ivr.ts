/** Which channel variables are IVR answers worth carrying into `CallEvent.ivr`. */
export interface IvrVariableRules {
  /** Exact names, matched case-insensitively (`CPF`). */
  variables: readonly string[];
  /** Any name with this prefix is kept without it (`ATENDE_PEDIDO` → `pedido`); '' turns it off. */
  prefix: string;
}

export const MAX_IVR_VALUE_LENGTH = 200;

/**
 * The `CallEvent.ivr` key for channel variable `name`, or null when it is not an IVR answer.
 * Leading underscores (Asterisk's inheritance markers `_X`, `__X`) are ignored; keys are lower-case.
 */
export function ivrVariableKey(name: string, rules: IvrVariableRules): string | null {
  const bare = name.replace(/^_{1,2}/, '');
  const upper = bare.toUpperCase();
  if (rules.variables.some((v) => v.toUpperCase() === upper)) return bare.toLowerCase();
  const prefix = rules.prefix.toUpperCase();
  if (prefix && upper.startsWith(prefix) && upper.length > prefix.length) {
    const key = bare.slice(prefix.length).toLowerCase();
    return /^[a-z][a-z0-9_]{0,39}$/.test(key) ? key : null;
  }
  return null;
}
