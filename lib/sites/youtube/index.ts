import { matchesOf, PLATFORM_FACTS } from '../platforms';
import type { Site } from '../types';
import { readYoutube } from './read';
import { route } from './route';

const reads = (url: URL) => route(url) !== null;

export const youtube = {
  ...PLATFORM_FACTS.youtube,
  matches: matchesOf('youtube'),
  profileCounts: ['followers', 'posts'],
  route,
  reads,
  read: readYoutube,
} satisfies Site;
