/**
 * npm run quote -- --platform <instagram|youtube|tiktok> --deliverable <post|reel|story|video|short>
 *   --fee <F> (--views <V> | --followers <N>) [--aov A --margin M] [--ctr C --cvr R] [--currency X]
 * Judges a quoted fee as JSON: the expected views, the quote's CPM, the market's CPM range
 * with its source, the fair-fee band and a verdict (lib/roi/market.ts). The return — the
 * fields `npm run roi` prints — is added only when --aov and --margin (your own figures)
 * are given; click-through and conversion are then labelled assumptions unless given too.
 * Bad input exits 1 naming every problem.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { tierOf } from '../lib/metrics/benchmarks';
import { DEFAULT_CTR, defaultCvr } from '../lib/roi/assumptions';
import { expectedViews, judgePrice, MARKET_CPM } from '../lib/roi/market';
import { isCurrencyCode } from '../lib/roi/money';
import { DELIVERABLES, project, validateRoiInput, type Deliverable } from '../lib/roi/project';
import { isPlatform, PLATFORMS } from '../lib/sites/platforms';

const NUMBERS = ['fee', 'views', 'followers', 'aov', 'margin', 'ctr', 'cvr'] as const;

export function runQuote(argv: string[]): { code: number; stdout: string; stderr: string } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: Object.fromEntries([...NUMBERS, 'platform', 'deliverable', 'currency'].map((f) => [f, { type: 'string' as const }])), strict: true }));
  } catch (e) {
    return { code: 1, stdout: '', stderr: `quote: ${(e as Error).message}\n` };
  }
  const problems: string[] = [];
  const num = (flag: (typeof NUMBERS)[number]): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) problems.push(`--${flag} must be a number (got “${raw}”).`);
    return n;
  };
  const platform = values.platform;
  const deliverable = values.deliverable;
  const currency = values.currency ?? 'USD';
  if (!isPlatform(platform)) problems.push(`--platform is one of ${PLATFORMS.join(', ')}${platform === undefined ? '' : ` (got “${platform}”)`}.`);
  if (!DELIVERABLES.includes(deliverable as Deliverable)) problems.push(`--deliverable is one of ${DELIVERABLES.join(', ')}${deliverable === undefined ? '' : ` (got “${deliverable}”)`}.`);
  if (!isCurrencyCode(currency)) problems.push(`--currency is an ISO 4217 code such as USD or EUR (got “${currency}”).`);
  const fee = num('fee');
  if (fee === undefined) problems.push('--fee is required.');
  else if (Number.isFinite(fee) && fee <= 0) problems.push('--fee must be more than 0.');
  const views = num('views');
  const followers = num('followers');
  if ((views === undefined) === (followers === undefined)) problems.push('Give exactly one of --views (the creator’s median recent views) or --followers.');
  if (views !== undefined && Number.isFinite(views) && views < 0) problems.push('--views must be 0 or more.');
  if (followers !== undefined && Number.isFinite(followers) && followers <= 0) problems.push('--followers must be more than 0.');
  const aov = num('aov');
  const margin = num('margin');
  const ctr = num('ctr');
  const cvr = num('cvr');
  if ((aov === undefined) !== (margin === undefined)) problems.push('The return needs both --aov and --margin (your average order value and gross margin).');
  if (aov !== undefined && Number.isFinite(aov) && aov <= 0) problems.push('--aov must be more than 0.');
  if (margin !== undefined && Number.isFinite(margin) && (margin <= 0 || margin > 1)) problems.push('--margin is a fraction between 0 and 1 (0.5 = 50 %).');
  for (const [flag, v] of [['ctr', ctr], ['cvr', cvr]] as const) if (v !== undefined && Number.isFinite(v) && (v < 0 || v > 1)) problems.push(`--${flag} is a fraction between 0 and 1.`);
  if (problems.length) return { code: 1, stdout: '', stderr: `quote: ${problems.join(' ')}\n` };

  const p = platform as (typeof PLATFORMS)[number];
  const d = deliverable as Deliverable;
  const expected = expectedViews({ platform: p, deliverable: d, medianViews: views ?? null, followers: followers ?? null });
  if (expected.value === null) return { code: 1, stdout: '', stderr: `quote: ${expected.reason}\n` };
  const price = judgePrice({ fee: fee!, currency, views: expected.value, basis: expected.basis, market: MARKET_CPM[p] });
  const out: Record<string, unknown> = { platform: p, deliverable: d, fee, currency, ...price };
  if (aov !== undefined && margin !== undefined) {
    const tier = followers !== undefined ? tierOf(followers) : null;
    const assumed = { ctr: ctr === undefined ? DEFAULT_CTR : null, cvr: cvr === undefined ? defaultCvr(tier) : null };
    const input = { fee: fee!, currency, deliverable: d, impressions: expected.value, ctr: ctr ?? DEFAULT_CTR.expected, cvr: cvr ?? defaultCvr(tier).expected, aov, margin };
    const invalid = validateRoiInput(input);
    if (invalid.length) return { code: 1, stdout: '', stderr: `quote: ${invalid.join(' ')}\n` };
    out.return = {
      ...project(input),
      // What the return stands on that is not the user's own figure.
      assumptions: Object.fromEntries(Object.entries(assumed).filter(([, a]) => a).map(([k, a]) => [k, { value: a!.expected, range: [a!.low, a!.high], source: a!.source }])),
    };
  }
  return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runQuote(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
