/**
 * The plain facts about each platform Creator Lens reads: its id, display name, hosts, the
 * words its pages use for the counts, the deliverable a quote starts from. Data only, with
 * no reader behind it: the background, the popup, the dashboard, wxt.config.ts and the
 * scripts import this file without pulling in any site's markup knowledge, and each
 * content script still imports only its own site (lib/sites/<site>/index.ts spreads its
 * entry from here). tests/unit/registry.test.ts holds the built manifest against it.
 */
import type { Deliverable } from '../roi/project';

/** Every platform, in the order the UI lists them. Usable as `z.enum(PLATFORMS)`. */
export const PLATFORMS = ['instagram', 'youtube', 'tiktok'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What a platform's pages call two of the counts (lower case; the UI capitalises). */
export interface Vocabulary {
  /** The audience: "followers" on Instagram and TikTok, "subscribers" on YouTube. */
  followers: 'followers' | 'subscribers';
  /** The posts count: "posts" on Instagram, "videos" on YouTube and TikTok. */
  posts: 'posts' | 'videos';
}

export interface PlatformFacts {
  id: Platform;
  /** As the platform writes its own name. */
  name: string;
  /** Where the content script runs: the manifest's match patterns and host permissions. The first is the canonical one. */
  hosts: readonly string[];
  /**
   * Other hosts of the same pages (the bare domain, the mobile site). The extension never
   * runs there; an address a user pastes with one of them is read as if on `hosts[0]`.
   */
  aliasHosts: readonly string[];
  /** Short-link hosts whose path is a post id (youtu.be/<id>); pasted addresses only. */
  shortLinkHosts: readonly string[];
  vocabulary: Vocabulary;
  /** The deliverable a quote for this platform starts from (see lib/roi/project.ts DELIVERABLES). */
  defaultDeliverable: Deliverable;
}

export const PLATFORM_FACTS = {
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    hosts: ['www.instagram.com'],
    aliasHosts: ['instagram.com'],
    shortLinkHosts: [],
    vocabulary: { followers: 'followers', posts: 'posts' },
    defaultDeliverable: 'post',
  },
  youtube: {
    id: 'youtube',
    name: 'YouTube',
    hosts: ['www.youtube.com'],
    aliasHosts: ['youtube.com', 'm.youtube.com'],
    shortLinkHosts: ['youtu.be'],
    vocabulary: { followers: 'subscribers', posts: 'videos' },
    defaultDeliverable: 'video',
  },
  tiktok: {
    id: 'tiktok',
    name: 'TikTok',
    hosts: ['www.tiktok.com'],
    aliasHosts: ['tiktok.com'],
    shortLinkHosts: [],
    vocabulary: { followers: 'followers', posts: 'videos' },
    defaultDeliverable: 'video',
  },
} as const satisfies { [P in Platform]: PlatformFacts & { id: P } };

/** The platform's display name ("YouTube"). */
export const platformName = (platform: Platform): string => PLATFORM_FACTS[platform].name;

/** The platform's words for its counts (`vocabularyOf('youtube').followers === 'subscribers'`). */
export const vocabularyOf = (platform: Platform): Vocabulary => PLATFORM_FACTS[platform].vocabulary;

/** The deliverable a quote for this platform starts from. */
export const defaultDeliverableOf = (platform: Platform): Deliverable => PLATFORM_FACTS[platform].defaultDeliverable;

/** The canonical host, for building a URL on the platform ("www.tiktok.com"). */
export const hostOf = (platform: Platform): string => PLATFORM_FACTS[platform].hosts[0];

/** The content script's match patterns on one platform. */
export const matchesOf = (platform: Platform): string[] => PLATFORM_FACTS[platform].hosts.map((host) => `https://${host}/*`);

/** Every host the extension runs on, in PLATFORMS order. */
export const siteHosts = (): string[] => PLATFORMS.flatMap((p) => PLATFORM_FACTS[p].hosts);

/** The manifest's host_permissions: the match patterns of every platform. */
export const hostPermissions = (): string[] => PLATFORMS.flatMap(matchesOf);

/** The sites' domains for a sentence: "instagram.com, youtube.com or tiktok.com". */
export function domainsInWords(): string {
  const domains = PLATFORMS.map((p) => hostOf(p).replace(/^www\./, ''));
  return `${domains.slice(0, -1).join(', ')} or ${domains.at(-1)}`;
}

const HOST_PLATFORM = new Map<string, Platform>(PLATFORMS.flatMap((p) => PLATFORM_FACTS[p].hosts.map((h) => [h, p] as const)));

/** The platform whose pages the extension reads on `host` ("www.youtube.com" → youtube; "m.youtube.com" → null). */
export const platformOfHost = (host: string): Platform | null => HOST_PLATFORM.get(host) ?? null;

/**
 * `PLATFORMS` as a regular-expression alternation ("instagram|youtube|tiktok"), for patterns
 * such as the creator key's: `new RegExp(`^(${PLATFORM_PATTERN}):[^\\s:]{1,100}$`)`.
 */
export const PLATFORM_PATTERN = PLATFORMS.join('|');

export const isPlatform = (value: unknown): value is Platform => typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
