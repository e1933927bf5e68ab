import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { SAFE_TEXT, XSS_PAYLOADS, xssEmailHtml } from './fixtures/xss-payloads';

const sanitizerModule = fileURLToPath(new URL('../../renderer/lib/sanitize-html.ts', import.meta.url));

/** renderer/lib/sanitize-html.ts (with DOMPurify) as a script for a blank page: the real code, in the real browser. */
async function sanitizerScript(): Promise<string> {
  const result = await build({ entryPoints: [sanitizerModule], bundle: true, format: 'iife', globalName: 'AtendeSanitizer', platform: 'browser', write: false, logLevel: 'silent' });
  return result.outputFiles[0]?.text ?? '';
}

interface Probe {
  xss: unknown;
  dialogs: number;
  html: string;
  text: string;
  handlers: string[];
  forbidden: string[];
  styled: number;
  badUrls: string[];
  remoteImages: number;
  blockedImages: number;
}

/** Sanitizes `dirty` in the page, puts the result in the DOM (as the app does), and reports what is left. */
function probe(dirty: string): Probe {
  const w = window as unknown as { AtendeSanitizer: { sanitizeEmailHtml(h: string): { html: string; blockedImages: number } }; __xss?: unknown; __dialogs: number };
  const out = document.getElementById('out') as HTMLElement;
  const clean = w.AtendeSanitizer.sanitizeEmailHtml(dirty);
  out.innerHTML = clean.html;
  const all = [...out.querySelectorAll('*')];
  for (const el of all) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  return {
    xss: w.__xss,
    dialogs: w.__dialogs,
    html: clean.html,
    text: out.textContent ?? '',
    handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}.${a.name}`)),
    forbidden: all.map((el) => el.tagName.toLowerCase()).filter((t) => ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'meta', 'base', 'link', 'noscript'].includes(t)),
    styled: all.filter((el) => el.hasAttribute('style') || el.hasAttribute('class') || el.hasAttribute('id')).length,
    badUrls: all.flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].map((n) => el.getAttribute(n)).filter((v): v is string => v !== null && !/^(https?:|mailto:|tel:|data:image\/(png|gif|jpe?g|webp|bmp);)/i.test(v.trim()))),
    remoteImages: out.querySelectorAll('img[src^="http"], img[src^="//"]').length,
    blockedImages: clean.blockedImages,
  };
}

test.describe('e-mail HTML sanitizer in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.evaluate(() => {
      (window as unknown as { __dialogs: number }).__dialogs = 0;
      window.alert = () => void ((window as unknown as { __dialogs: number }).__dialogs += 1);
    });
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.addScriptTag({ content: await sanitizerScript() });
  });

  for (const payload of XSS_PAYLOADS) {
    test(`neutralizes: ${payload.name}`, async ({ page }) => {
      const result = await page.evaluate(probe, payload.html);
      // Give anything that would run late (onload, onerror, meta refresh) the chance to.
      await page.waitForTimeout(100);
      const late = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, dialogs: (window as unknown as { __dialogs: number }).__dialogs }));
      expect(late.xss, result.html).toBeUndefined();
      expect(late.dialogs, result.html).toBe(0);
      expect(result.handlers, result.html).toEqual([]);
      expect(result.forbidden, result.html).toEqual([]);
      expect(result.styled, result.html).toBe(0);
      expect(result.badUrls, result.html).toEqual([]);
      expect(result.remoteImages, result.html).toBe(0);
    });
  }

  test('keeps the harmless content of a whole hostile e-mail, links made safe', async ({ page }) => {
    const result = await page.evaluate(probe, xssEmailHtml());
    expect(result.text).toContain(SAFE_TEXT);
    expect(result.text).toContain('Ver pedido');
    // The tracking pixel and the SVG data image (`<img src=x>` loses its src to the URL rule first).
    expect(result.blockedImages).toBe(2);
    expect(result.handlers).toEqual([]);
    expect(result.forbidden).toEqual([]);
    const link = page.locator('#out a[href="https://loja.example/pedido/4471"]');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(link).toHaveAttribute('target', '_blank');
  });

  test('lets a plain inline image through', async ({ page }) => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const result = await page.evaluate(probe, `<p>logo</p><img src="${png}" alt="logo">`);
    expect(result.blockedImages).toBe(0);
    await expect(page.locator('#out img')).toHaveAttribute('src', png);
  });
});
