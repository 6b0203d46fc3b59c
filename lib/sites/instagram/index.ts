import type { Site } from '../types';
import { instagramRoute, readInstagram } from './read';

export const instagram = {
  id: 'instagram',
  matches: ['https://www.instagram.com/*'],
  profileCounts: ['followers', 'following', 'posts'],
  isProfileUrl: (url: URL) => instagramRoute(url) !== null,
  read: readInstagram,
} satisfies Site;
