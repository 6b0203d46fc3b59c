/**
 * Disclosure words creators put in captions when a post is paid for. The platforms' own
 * flags (Instagram paid partnership, TikTok ad authorisation, YouTube paid promotion) are
 * read by each site; these catch the posts that are only disclosed in text.
 * Modash's sponsored detection uses the same kind of signals (research §5.2, help.modash.io
 * 6959997). A false positive moves a post to the "sponsored" side of the split; it never
 * changes a count.
 */

export interface Disclosure {
  /** A hashtag (matched as a whole tag: `#ad` is not `#adventure`) or a phrase. */
  text: string;
  why: string;
}

export const DISCLOSURES: readonly Disclosure[] = [
  { text: '#ad', why: 'English: the short label the FTC (US) and the ASA (UK) accept' },
  { text: '#sponsored', why: 'English: the FTC lists it beside #ad' },
  { text: '#spon', why: 'English short form of #sponsored' },
  { text: '#anzeige', why: 'German: "advertisement", one of the two labels German media regulators ask for' },
  { text: '#werbung', why: 'German: "advertising", the other one' },
  { text: '#publicidad', why: 'Spanish: "advertising"' },
  { text: '#publi', why: 'Spanish and Portuguese short form of publicidad / publicidade' },
  { text: '#pub', why: 'French short form of "publicité"; it can also tag a bar, which only moves that post to the sponsored side' },
  { text: 'paid partnership', why: "Instagram's own label, which creators also type into captions" },
];

// A hashtag ends where a letter, digit or underscore would continue it.
const PATTERNS = DISCLOSURES.map((d) =>
  d.text.startsWith('#')
    ? new RegExp(`(?:^|[^\\p{L}\\p{N}_#])${escape(d.text)}(?![\\p{L}\\p{N}_])`, 'iu')
    : new RegExp(`(?:^|[^\\p{L}\\p{N}_])${escape(d.text)}(?![\\p{L}\\p{N}_])`, 'iu'),
);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first disclosure found in any of `texts` (caption, title, description), or null. */
export function findDisclosure(...texts: (string | null | undefined)[]): Disclosure | null {
  for (const text of texts) {
    if (!text) continue;
    // Captions use full-width ＃ in Japanese and Chinese keyboards.
    const t = text.replace(/＃/g, '#');
    const i = PATTERNS.findIndex((p) => p.test(t));
    if (i >= 0) return DISCLOSURES[i]!;
  }
  return null;
}
