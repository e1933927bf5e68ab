/**
 * The renderer's Content-Security-Policy: only our own scripts, no eval, no remote anything.
 * Inline styles stay allowed because React and recharts set `style` attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
