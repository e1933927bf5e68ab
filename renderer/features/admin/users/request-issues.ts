import type { TFunction } from 'i18next';
import { badRequestMessage, parseServerIssues, type ServerIssue } from '../../automation/server-issues';

/**
 * The issues of a refused request, or null when it was not refused as invalid. Two shapes reach
 * the admin screens: a procedure whose zod input fails (users.*, teams.*) answers BAD_REQUEST with
 * zod's issue list as JSON in the message (the formatter's `zodError` is flattened to top-level
 * keys, which would lose `patch.extension`); the admin services (routing.save) answer
 * `path: message; path: message`, read by the automation screens' parser.
 */
export function requestIssues(error: unknown): ServerIssue[] | null {
  const message = badRequestMessage(error);
  if (message === null) return null;
  return zodIssueList(message) ?? parseServerIssues(message);
}

function zodIssueList(message: string): ServerIssue[] | null {
  if (!message.startsWith('[')) return null;
  try {
    const list: unknown = JSON.parse(message);
    if (!Array.isArray(list)) return null;
    const issues = list.flatMap((item: unknown) => {
      const i = item as { path?: unknown; message?: unknown };
      return Array.isArray(i.path) && typeof i.message === 'string' ? [{ path: i.path.join('.'), message: i.message }] : [];
    });
    return issues.length > 0 ? issues : null;
  } catch {
    return null;
  }
}

/**
 * The server's validation messages are zod's English defaults or our schemas' own; the common
 * ones get a translated text, anything else is shown as the server wrote it.
 */
export function issueText(t: TFunction, message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Too small: expected string to have >=(\d+) characters?$/.exec(message))) return m[1] === '1' ? t('admin.issues.required') : t('admin.issues.tooShort', { minimum: m[1] });
  if ((m = /^Too big: expected string to have <=(\d+) characters?$/.exec(message))) return t('admin.issues.tooLong', { maximum: m[1] });
  if ((m = /^Too small: expected number to be >=?(-?\d+)$/.exec(message))) return t('admin.issues.tooSmall', { minimum: m[1] });
  if ((m = /^Too big: expected number to be <=?(-?\d+)$/.exec(message))) return t('admin.issues.tooBig', { maximum: m[1] });
  if ((m = /^Too big: expected array to have <=(\d+) items?$/.exec(message))) return t('admin.issues.tooMany', { maximum: m[1] });
  if (/^Invalid input: expected (number|int), received/.test(message)) return t('admin.issues.number');
  if (message.startsWith('username:')) return t('admin.issues.username');
  if (message.startsWith('extension:')) return t('admin.issues.extension');
  if (message === 'tags have no spaces or commas') return t('admin.issues.tag');
  if (message === 'a skill rule needs at least one skill') return t('admin.issues.ruleNeedsSkill');
  if (message === 'a skill rule needs a category, a channel or a tag to match') return t('admin.issues.ruleNeedsMatch');
  return message;
}
