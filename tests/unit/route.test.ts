import { describe, expect, test } from 'vitest';
import { parseRoute, type Route } from '../../lib/dashboard/route';

describe('the dashboard route from the URL hash', () => {
  test.each<[string, Route]>([
    ['', { page: 'creators' }],
    ['#', { page: 'creators' }],
    ['#/', { page: 'creators' }],
    ['#/creators', { page: 'creators' }],
    ['#/nonsense', { page: 'creators' }],
    ['#/creator', { page: 'creators' }],
    ['#/creator/tiktok:maya.bakes', { page: 'creator', key: 'tiktok:maya.bakes' }],
    ['#/creator/youtube%3A%40orbit%20lab', { page: 'creator', key: 'youtube:@orbit lab' }],
    ['#/creator/a/b', { page: 'creator', key: 'a/b' }],
    ['creator/instagram:lena', { page: 'creator', key: 'instagram:lena' }],
    ['#/compare', { page: 'compare', keys: [] }],
    ['#/compare?keys=a,,b', { page: 'compare', keys: ['a', 'b'] }],
    ['#/compare?keys=a,b,c,d,e', { page: 'compare', keys: ['a', 'b', 'c', 'd'] }],
    ['#/compare?keys=tiktok%3Amaya.bakes', { page: 'compare', keys: ['tiktok:maya.bakes'] }],
    ['#/campaigns', { page: 'campaigns' }],
    ['#/campaign/12', { page: 'campaign', id: 12 }],
    ['#/campaign/x12', { page: 'creators' }],
    ['#/campaign/', { page: 'creators' }],
    ['#/report', { page: 'report', id: null }],
    ['#/report?campaign=7', { page: 'report', id: 7 }],
    ['#/report?campaign=seven', { page: 'report', id: null }],
    ['#/settings', { page: 'settings' }],
    ['#/data', { page: 'data' }],
    ['#/data?x=1', { page: 'data' }],
  ])('parseRoute(%j)', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
