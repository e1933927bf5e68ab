import { useCallback, useMemo, useState } from 'react';

/**
 * Browser notifications for screen pops while the Atende tab is hidden. Permission is asked only
 * from a click (never on load); the desktop app leaves this to its main process, which shows an
 * OS notification and brings the window forward itself.
 */
export type WebNotificationPermission = 'unsupported' | NotificationPermission;

function readPermission(): WebNotificationPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Raise one only in the browser, with permission, and when the agent cannot see the page. */
export function shouldRaiseWebNotification(opts: { mode: 'ipc' | 'web'; permission: WebNotificationPermission; hidden: boolean }): boolean {
  return opts.mode === 'web' && opts.permission === 'granted' && opts.hidden;
}

export interface WebNotifications {
  permission: WebNotificationPermission;
  /** Asks for permission; call from a user gesture. */
  request(): void;
  /** Shows a notification (the caller checks `shouldRaiseWebNotification`); a click focuses the tab. */
  show(title: string, body: string, tag: string, onClick: () => void): void;
}

export function useWebNotifications(): WebNotifications {
  const [permission, setPermission] = useState<WebNotificationPermission>(readPermission);
  const request = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then(setPermission, () => setPermission(readPermission()));
  }, []);
  const show = useCallback((title: string, body: string, tag: string, onClick: () => void) => {
    if (typeof Notification === 'undefined') return;
    try {
      const notification = new Notification(title, { body, tag, requireInteraction: true });
      notification.onclick = () => {
        window.focus();
        onClick();
        notification.close();
      };
    } catch {
      // Some browsers only allow notifications from a service worker: the panel is on screen anyway.
    }
  }, []);
  return useMemo(() => ({ permission, request, show }), [permission, request, show]);
}
