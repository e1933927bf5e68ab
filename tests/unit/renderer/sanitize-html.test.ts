import { describe, expect, it } from 'vitest';
import { ALLOWED_URI, EMAIL_SANITIZE_CONFIG, escapeHtml, INLINE_IMAGE, sanitizeEmailHtml } from '../../../renderer/lib/sanitize-html';

/**
 * The sanitizer's configuration and its no-DOM fallback. DOMPurify itself needs a DOM (jsdom is
 * not installed): the XSS payloads run through the real sanitizer in Chromium in
 * tests/e2e/sanitizer.spec.ts and through the whole app in tests/e2e/email-xss.spec.ts.
 */
describe('e-mail HTML sanitizer configuration', () => {
  it('forbids every element that runs code, loads content, submits or restyles the app', () => {
    for (const tag of ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'link', 'meta', 'base', 'template', 'audio', 'video']) {
      expect(EMAIL_SANITIZE_CONFIG.FORBID_TAGS, tag).toContain(tag);
    }
  });

  it('forbids style, class and id attributes (no overlays, no borrowed app classes, no DOM clobbering)', () => {
    for (const attr of ['style', 'class', 'id', 'name', 'srcset', 'formaction', 'action', 'ping', 'background']) {
      expect(EMAIL_SANITIZE_CONFIG.FORBID_ATTR, attr).toContain(attr);
    }
    expect(EMAIL_SANITIZE_CONFIG).toMatchObject({ ALLOW_DATA_ATTR: false, ALLOW_UNKNOWN_PROTOCOLS: false, SANITIZE_DOM: true, SANITIZE_NAMED_PROPS: true, WHOLE_DOCUMENT: false });
    expect(EMAIL_SANITIZE_CONFIG.USE_PROFILES).toEqual({ html: true });
  });

  it('allows links to the web, e-mail and phone only', () => {
    for (const ok of ['https://loja.example/pedido', 'http://x.example', 'mailto:a@b.example', 'tel:+5511987654321', 'HTTPS://UPPER.example']) {
      expect(ALLOWED_URI.test(ok), ok).toBe(true);
    }
    // DOMPurify strips whitespace/control characters before testing, so these reduce to the plain forms.
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', '/trpc/auth.logout', '//evil.example/x', 'blob:https://x/1']) {
      expect(ALLOWED_URI.test(bad), bad).toBe(false);
    }
  });

  it('loads only inline raster images, never SVG or remote ones', () => {
    expect(INLINE_IMAGE.test('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(INLINE_IMAGE.test('data:image/jpeg;base64,/9j/4AAQ')).toBe(true);
    expect(INLINE_IMAGE.test('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(INLINE_IMAGE.test('https://tracker.example/pixel.gif')).toBe(false);
    expect(INLINE_IMAGE.test('cid:logo@mail')).toBe(false);
  });
});

describe('sanitizeEmailHtml without a DOM', () => {
  it('escapes everything instead of handing the input back (DOMPurify would return it untouched)', () => {
    const dirty = '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const { html, blockedImages } = sanitizeEmailHtml(dirty);
    expect(html).not.toMatch(/<[a-z]/i);
    expect(html).toBe(escapeHtml(dirty));
    expect(blockedImages).toBe(0);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
