/**
 * Shapes of YouTube's embedded data that the channel, grid and video readers share.
 */
import { candidate, dig, hasWord, str, type Candidate } from '../common';
import { NOT_VIEW_WORDS, VIEW_WORDS } from '../words';

/** The text of a YouTube text object: `simpleText`, `content`, or joined `runs`. */
export function runsText(value: unknown): string | null {
  const simple = str(dig(value, 'simpleText')) ?? str(dig(value, 'content'));
  if (simple !== null) return simple;
  const runs = dig(value, 'runs');
  if (Array.isArray(runs)) return runs.map((r) => str(dig(r, 'text')) ?? '').join('');
  return typeof value === 'string' ? value : null;
}

/** The channel's tabs (Home, Videos, Shorts, …), from ytInitialData. */
export function tabsOf(data: unknown): unknown[] {
  const tabs = dig(data, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs');
  return Array.isArray(tabs) ? tabs.map((t) => dig(t, 'tabRenderer')).filter(Boolean) : [];
}

/** A views text → count, or null when it is not views ("1.2K watching"). */
export function viewsOf(text: string | null, lang: string | null, needWord: boolean): Candidate | null {
  const c = candidate(text, 'json', lang);
  if (!c) return null;
  const unit = c.count.unit.toLowerCase();
  if (hasWord(unit, NOT_VIEW_WORDS)) return null;
  if (needWord && !hasWord(unit, VIEW_WORDS)) return null;
  return c;
}
