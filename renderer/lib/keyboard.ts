/**
 * Single-key shortcuts (`j`, `?`, `/`) must never fire while the person is typing: these say
 * whether a key event is plain and whether its target takes text.
 */

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', 'number', 'date', 'datetime-local', 'time', 'month', 'week']);

export function isTextEntry(target: TargetLike | null | undefined): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.getAttribute?.('type') ?? 'text').toLowerCase());
  return Boolean(target.isContentEditable);
}

/** No Ctrl, Alt or Meta (Shift is part of characters like `?`). */
export function isPlainKey(event: { ctrlKey: boolean; altKey: boolean; metaKey: boolean }): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey;
}

/** A key meant as a screen shortcut: plain, not typed into a field, not inside an open dialog. */
export function isScreenShortcut(event: KeyboardEvent): boolean {
  if (!isPlainKey(event) || event.defaultPrevented || event.isComposing) return false;
  const target = event.target as TargetLike | null;
  if (isTextEntry(target)) return false;
  return !target?.closest?.('dialog[open], [role="dialog"], [role="listbox"], [role="menu"]');
}

/** Ctrl+key, or ⌘+key on a Mac. */
export function isModKey(event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }, key: string, actual: string): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && actual.toLowerCase() === key.toLowerCase();
}
