import type { Site } from '../types';
import { readTiktok, tiktokRoute } from './read';

export const tiktok = {
  id: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  isProfileUrl: (url: URL) => tiktokRoute(url) !== null,
  read: readTiktok,
} satisfies Site;
