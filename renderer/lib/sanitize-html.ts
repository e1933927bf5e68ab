import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/**
 * Customer e-mail HTML, made safe to show inside the app. A whitelist (DOMPurify's HTML profile)
 * minus everything that can run code, load something, submit something, or restyle the app
 * around the message: no scripts or event handlers, no `javascript:` URLs, no frames, objects,
 * forms, SVG/MathML, `<style>`, `style`/`class`/`id` attributes (an e-mail must not be able to
 * cover the screen with a fake login or borrow our classes), and no remote images (tracking
 * pixels): only inline `data:` images load.
 */

/** Links may go to the web, to mail or to a phone number; nothing else (relative URLs point into the app). */
export const ALLOWED_URI = /^(?:https?:|mailto:|tel:)/i;

/** `data:` images a message may embed (no `data:image/svg+xml`: SVG can carry script). */
export const INLINE_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,/i;

export const EMAIL_SANITIZE_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
    'form', 'input', 'button', 'select', 'option', 'textarea', 'svg', 'math', 'template', 'noscript', 'audio', 'video',
    'source', 'track', 'picture', 'canvas', 'dialog', 'marquee',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'background', 'poster', 'formaction', 'action', 'ping', 'usemap', 'xmlns', 'autofocus', 'tabindex', 'accesskey', 'contenteditable', 'draggable'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
} satisfies Config;

export interface SanitizedHtml {
  /** Safe markup for `dangerouslySetInnerHTML`. */
  html: string;
  /** Remote images that were not loaded. */
  blockedImages: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

let purifier: DOMPurify | null = null;
let blockedInRun = 0;

/** One DOMPurify instance of our own (hooks on the shared default would leak to other callers). */
function getPurifier(): DOMPurify | null {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return null;
  const instance = createDOMPurify(window);
  if (!instance.isSupported) return null;
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'a') {
      if (node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    } else if (tag === 'img') {
      const src = node.getAttribute('src');
      if (src !== null && !INLINE_IMAGE.test(src.trim())) {
        node.removeAttribute('src');
        node.setAttribute('data-blocked', 'remote');
        blockedInRun++;
      }
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Sanitizes e-mail HTML. Where no DOM is available (never in the app), the markup is escaped
 * and shows as text: DOMPurify would otherwise hand the input back untouched.
 */
export function sanitizeEmailHtml(dirty: string): SanitizedHtml {
  const instance = getPurifier();
  if (!instance) return { html: escapeHtml(dirty), blockedImages: 0 };
  blockedInRun = 0;
  const html = instance.sanitize(dirty, EMAIL_SANITIZE_CONFIG);
  return { html: String(html), blockedImages: blockedInRun };
}
