import type { Site } from '../types';
import { readTiktok, tiktokRoute } from './read';

export const tiktok = {
  id: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  profileCounts: ['followers', 'following', 'likes'],
  isProfileUrl: (url: URL) => tiktokRoute(url) !== null,
  read: readTiktok,
} satisfies Site;
