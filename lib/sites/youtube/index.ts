import type { Site } from '../types';
import { readYoutube, youtubeRoute } from './read';

export const youtube = {
  id: 'youtube',
  matches: ['https://www.youtube.com/*'],
  profileCounts: ['followers', 'posts'],
  isProfileUrl: (url: URL) => youtubeRoute(url) !== null,
  read: readYoutube,
} satisfies Site;
