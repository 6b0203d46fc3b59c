import { matchesOf, PLATFORM_FACTS } from '../platforms';
import type { Site } from '../types';
import { readTiktok } from './read';
import { route } from './route';

const reads = (url: URL) => route(url) !== null;

export const tiktok = {
  ...PLATFORM_FACTS.tiktok,
  matches: matchesOf('tiktok'),
  profileCounts: ['followers', 'following', 'likes'],
  route,
  reads,
  read: readTiktok,
} satisfies Site;
