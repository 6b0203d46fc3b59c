/**
 * Platform words the extension pages and the overlay share. Light on purpose (no CSS, no
 * React): the overlay imports it inside content scripts.
 */
import type { Deliverable } from '@/lib/roi/project';
import type { Platform } from '@/lib/sites/types';

export const PLATFORM_NAME = { instagram: 'Instagram', youtube: 'YouTube', tiktok: 'TikTok' } as const satisfies Record<Platform, string>;

/** The deliverable a quote starts from on each platform. */
export const DEFAULT_DELIVERABLE: Record<Platform, Deliverable> = { instagram: 'post', tiktok: 'video', youtube: 'video' };
