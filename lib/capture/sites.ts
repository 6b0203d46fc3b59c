/**
 * Every site's capture, for tools that read any site (`read-page --har`). Content scripts
 * import only their own site's file (instagram.ts, tiktok.ts, youtube.ts).
 */
import type { Platform } from '../sites/platforms';
import { instagramCapture } from './instagram';
import type { CaptureSite } from './site';
import { tiktokCapture } from './tiktok';
import { youtubeCapture } from './youtube';

export const CAPTURE_SITES: { readonly [P in Platform]: CaptureSite } = {
  instagram: instagramCapture,
  youtube: youtubeCapture,
  tiktok: tiktokCapture,
};
