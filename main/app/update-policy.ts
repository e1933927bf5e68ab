/** Whether the desktop app updates itself, and from where. */
export type UpdatePlan = { enabled: true; feedUrl: string } | { enabled: false; reason: string };

export interface UpdatePlanInput {
  /** `app.isPackaged`: `npm start` never updates. */
  packaged: boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** From the validated config (IT can lock both). */
  autoUpdate: boolean;
  updateUrl: string | undefined;
}

/**
 * Decides whether to run electron-updater's generic provider against `updateUrl`. Linux updates
 * itself only as an AppImage: a .deb belongs to the package manager (apt, or IT's tooling).
 */
export function updatePlan(input: UpdatePlanInput): UpdatePlan {
  if (!input.packaged) return { enabled: false, reason: 'not a packaged build' };
  if (!input.autoUpdate) return { enabled: false, reason: 'autoUpdate is off in the configuration' };
  if (!input.updateUrl) return { enabled: false, reason: 'no updateUrl in the configuration' };
  if (input.platform === 'linux' && !input.env.APPIMAGE) {
    return { enabled: false, reason: 'installed as a Linux package: the package manager updates it' };
  }
  // The feed is a folder: without the slash, latest.yml would resolve next to it, not inside it.
  const feedUrl = input.updateUrl.endsWith('/') ? input.updateUrl : `${input.updateUrl}/`;
  return { enabled: true, feedUrl };
}
