/**
 * The admin procedures (automation.save/test, sla.save*, routing.save) refuse invalid input with
 * BAD_REQUEST and a message `path: message; path: message` (paths joined with dots, `rule` or
 * `value` for the whole object). These helpers read that message back into per-field errors.
 */

export interface ServerIssue {
  path: string;
  message: string;
}

/** A `; ` starts a new issue only when a `path: ` follows (messages may contain `; ` themselves). */
const ISSUE_SEPARATOR = /; (?=[\w.[\]-]+: )/;
const ISSUE = /^([\w.[\]-]+): ([\s\S]*)$/;

/** Parses `a.b.0: text; c: other` into issues; text that does not look like one becomes an issue at path ''. */
export function parseServerIssues(message: string): ServerIssue[] {
  const text = message.trim();
  if (!text) return [];
  return text.split(ISSUE_SEPARATOR).map((part) => {
    const m = ISSUE.exec(part.trim());
    return m ? { path: m[1] ?? '', message: (m[2] ?? '').trim() } : { path: '', message: part.trim() };
  });
}

/** The BAD_REQUEST message of a tRPC error, or null for any other error. */
export function badRequestMessage(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { message?: unknown; data?: { code?: unknown } | null };
  if (e.data?.code !== 'BAD_REQUEST' || typeof e.message !== 'string') return null;
  // A catalog key (`errors.validation`) is not a list of issues.
  return e.message.startsWith('errors.') ? null : e.message;
}

/** Issues by path (several messages on one path joined), for `errorsAt(path)` lookups. */
export type IssueMap = Readonly<Record<string, string>>;

export function issueMap(issues: readonly ServerIssue[], rename: (path: string) => string = (p) => p): IssueMap {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = rename(issue.path);
    out[path] = out[path] ? `${out[path]}; ${issue.message}` : issue.message;
  }
  return out;
}

/** Messages at `prefix` or below it (`actions.0` → `actions.0`, `actions.0.tag`). */
export function issuesUnder(issues: IssueMap, prefix: string): string[] {
  return Object.entries(issues)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}

/**
 * Issues no field on the form shows (so the form lists them at the top instead of losing them):
 * those whose path is not one of `shown` nor under one of them.
 */
export function unplacedIssues(issues: IssueMap, shown: readonly string[]): string[] {
  return Object.entries(issues)
    .filter(([path]) => !shown.some((s) => path === s || path.startsWith(`${s}.`)))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
}
