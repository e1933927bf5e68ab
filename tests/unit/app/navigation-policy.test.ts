import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/content-security-policy';
import {
  APP_ENTRY_URL,
  isAppUrl,
  isPermissionAllowed,
  navigationAction,
  windowOpenAction,
} from '../../../main/app/navigation-policy';

describe('navigation policy', () => {
  it('allows our own renderer URLs only', () => {
    for (const url of [APP_ENTRY_URL, 'app://atende/', 'app://atende/tickets/42?tab=notes#x', 'app://atende', 'app://ATENDE/x']) {
      expect(isAppUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://atende.example/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://atende.evil/x',
      'app://atende:8080/x',
      'app://user@atende/x',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('loads our pages, hands phone numbers to the softphone and refuses every other navigation', () => {
    expect(navigationAction('app://atende/index.html#/queue')).toBe('allow');
    for (const url of ['tel:+5511987654321', 'tel:(11) 98765-4321', 'tel:0800-123-4567', 'callto:+55 11 3333 4444', 'callto://+5511987654321']) {
      expect(navigationAction(url), url).toBe('dial');
    }
    for (const url of [
      'tel:',
      'tel:12',
      'tel:+5511987654321?call=evil',
      'tel:abc',
      'tel:11;ext=<script>',
      'callto:user@example.com',
      'sip:2001@pbx',
      'https://atende.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(navigationAction(url), url).toBe('deny');
    }
  });

  it('opens only https links outside, and never a new app window', () => {
    expect(windowOpenAction('https://kb.atende.example/artigo/1')).toBe('open-external');
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/system32/calc.exe',
      'app://atende/index.html',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pass@example.com/',
      'garbage',
    ]) {
      expect(windowOpenAction(url), url).toBe('deny');
    }
  });

  it('grants notifications to our page and nothing else', () => {
    expect(isPermissionAllowed('notifications', 'app://atende')).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://atende/index.html')).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example')).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      expect(isPermissionAllowed(permission, 'app://atende'), permission).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('has the directives the renderer is built for', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
