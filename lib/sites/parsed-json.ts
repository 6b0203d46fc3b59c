/**
 * JSON.parse for the readers and the capture, with the last long texts it parsed kept for the
 * next reader of the same text (issue 18: embedded JSON parsed once per page view). A full
 * load's embedded data (YouTube's ytInitialData, TikTok's rehydration script) is read by the
 * profile reader (lib/sites/common.ts) and then, as the same text, by the capture of the
 * page's posts (lib/sites/posts/json.ts): 1.9–2.2 ms of JSON.parse each time on the real
 * captures' 240–335 KB (Node, this machine). Only long texts are kept, and only the last few:
 * a page's responses come and go.
 *
 * `__proto__` keys are dropped while parsing, so a hostile text cannot reach a prototype
 * however the value is used later, and every reader of a text gets the same safe value. The
 * value is shared: no reader may change it (none does; they read it and build their own).
 * No browser or Node API: runs in the isolated content script and in Node.
 */

/** Texts at least this long are kept (a short one costs less to parse than to compare). */
const KEPT_FROM = 32 * 1024;
/** How many are kept. */
const KEEP = 2;

const kept: { text: string; value: unknown }[] = [];

// JSON.parse makes `__proto__` an own property (not the prototype), but a later spread or
// merge would turn it into one; removing it here makes every later use safe.
function dropProto(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

/** JSON.parse(text) without `__proto__` keys; throws as JSON.parse does. */
export function parseJson(text: string): unknown {
  const long = text.length >= KEPT_FROM;
  if (long) for (const k of kept) if (k.text.length === text.length && k.text === text) return k.value;
  const value = text.includes('"__proto__"') ? JSON.parse(text, dropProto) : JSON.parse(text);
  if (long) {
    kept.unshift({ text, value });
    if (kept.length > KEEP) kept.length = KEEP;
  }
  return value;
}
