import { matchesOf, PLATFORM_FACTS } from '../platforms';
import type { Site } from '../types';
import { readInstagram } from './read';
import { route } from './route';

const reads = (url: URL) => route(url) !== null;

export const instagram = {
  ...PLATFORM_FACTS.instagram,
  matches: matchesOf('instagram'),
  profileCounts: ['followers', 'following', 'posts'],
  route,
  reads,
  read: readInstagram,
} satisfies Site;
