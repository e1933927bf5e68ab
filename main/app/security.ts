import { app as electronApp, shell, type App, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { isPermissionAllowed, navigationAction, windowOpenAction } from './navigation-policy';

/**
 * Locks every webContents the app ever creates: navigation only within `app://atende`, no new
 * windows (https links open in the user's browser), no <webview>. Click-to-dial links go to the
 * softphone the OS has for `tel:`/`callto:` (the page has already logged the call).
 */
export function hardenAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    const action = navigationAction(url);
    if (action === 'allow') return;
    event.preventDefault();
    // When Atende itself is the OS's handler for the scheme there is no softphone to hand it to
    // (and handing it over would only bring the link back here).
    const scheme = url.slice(0, url.indexOf(':'));
    if (action === 'dial' && !electronApp.isDefaultProtocolClient(scheme)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (navigationAction(url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenAction(url) === 'open-external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Session-wide rules: permissions (notifications only, for our page), and the CSP header on any
 * response that did not come from our protocol handler (which sets it itself).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
