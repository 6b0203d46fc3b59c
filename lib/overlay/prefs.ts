/**
 * The overlay's per-site preferences in storage.local: where it sits, whether it is
 * collapsed, and whether it is hidden on that site (the popup and the dashboard's
 * settings switch it).
 */
import type { Platform } from '../sites/types';

export interface OverlayPrefs {
  right: number;
  bottom: number;
  collapsed: boolean;
  /** Hidden on this site (set from the popup or the settings). */
  hidden: boolean;
}

export const prefsKey = (platform: Platform) => `overlay:${platform}`;
export const DEFAULT_PREFS: OverlayPrefs = { right: 16, bottom: 16, collapsed: false, hidden: false };
