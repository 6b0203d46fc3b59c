/**
 * npm run roi -- --fee 1500 --followers 120000 --reach-rate 0.229 --ctr 0.01 --cvr 0.02 \
 *   --aov 60 --margin 0.5 [--extra-costs N] [--views N] [--impressions N] [--target-roi R]
 *   [--currency USD] [--deliverable post] [--reference-cpm N]
 * Prints the projection as JSON (exit 0) or what is wrong with the input (exit 1).
 * Negative numbers need the = form (--fee=-5), or they read as flags.
 * Impressions: --impressions if given, else --views (a creator's median recent views),
 * else followers × reach rate.
 */
import { parseArgs } from 'node:util';
import { expectedImpressions, project, RoiInputError, validateRoiInput, type Deliverable } from '../lib/roi/project';

const NUMBER_FLAGS = ['fee', 'followers', 'reach-rate', 'ctr', 'cvr', 'aov', 'margin', 'extra-costs', 'views', 'impressions', 'target-roi', 'reference-cpm'] as const;

function main(): number {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: Object.fromEntries([...NUMBER_FLAGS, 'currency', 'deliverable'].map((f) => [f, { type: 'string' as const }])),
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`roi: ${(e as Error).message}\n`);
    return 1;
  }
  const num = (flag: (typeof NUMBER_FLAGS)[number]) => (values[flag] === undefined ? undefined : Number(values[flag]));
  const missing = ['fee', 'ctr', 'cvr', 'aov', 'margin'].filter((f) => values[f] === undefined);
  if (missing.length) {
    process.stderr.write(`roi: missing ${missing.map((f) => `--${f}`).join(', ')}\n`);
    return 1;
  }
  const impressions = expectedImpressions({
    platform: values.views !== undefined ? 'youtube' : 'instagram',
    followers: num('followers') ?? null,
    reachRate: num('reach-rate') ?? null,
    medianViews: num('views') ?? null,
    userValue: num('impressions') ?? null,
  });
  const input = {
    fee: num('fee')!,
    extraCosts: num('extra-costs'),
    currency: values.currency,
    deliverable: values.deliverable as Deliverable | undefined,
    ctr: num('ctr')!,
    cvr: num('cvr')!,
    aov: num('aov')!,
    margin: num('margin')!,
    targetRoi: num('target-roi'),
    referenceCpm: num('reference-cpm') ?? null,
  };
  // Every problem at once: the impressions one and the rest.
  const problems = [...('reason' in impressions ? [impressions.reason] : []), ...validateRoiInput({ ...input, impressions: impressions.value ?? 0 })];
  if (problems.length || impressions.value === null) {
    process.stderr.write(`roi: ${problems.join(' ')}\n`);
    return 1;
  }
  try {
    const projection = project({ ...input, impressions: impressions.value });
    const basis = 'basis' in impressions ? impressions.basis : null;
    process.stdout.write(`${JSON.stringify({ ...projection, impressionsBasis: basis }, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RoiInputError) {
      process.stderr.write(`roi: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main();
