/**
 * Parse a count as the sites print it ("70.2K", "1,048,377", "44,1 Mio.", "12,5万",
 * "365 mil inscritos", "1 310" with NBSP groups) in any locale.
 *
 * Unknown is better than wrong: anything ambiguous returns `null` instead of a guess.
 * The bugs other projects shipped (see ../shared/PAGES.md and tests/unit/parse-count.test.ts)
 * are the reason for each rule below.
 */

// Devanagari "ज़" has two spellings (one code point, or ज + nukta); compare in NFC. The tables
// below are written in NFC (this file is NFC: tests/unit/parse-count.test.ts checks it), so only
// the page's text is normalised, and ASCII text, which is NFC already, not even that. Normalising
// the tables' keys on every page a content script starts on was 0.7-1.0 ms of self time per load
// in a CPU profile (issue 18).
const ASCII = /^[\x00-\x7f]*$/;
export const nfc = (text: string): string => (ASCII.test(text) ? text : text.normalize('NFC'));

export interface ParsedCount {
  /** The count, an integer >= 0. */
  value: number;
  /** true when the page printed every digit; false when an abbreviation was expanded. */
  exact: boolean;
  /**
   * The size of the last printed digit: 1 when exact, 100_000 for "1.2M". The sites
   * truncate or round, so the true count lies within one step of `value`.
   */
  step: number;
  /** The words around the number ("followers", "チャンネル登録者数"), trimmed; for classifying. */
  unit: string;
}

/** Options: the page's language (BCP 47, e.g. `document.documentElement.lang`). */
export interface ParseCountOptions {
  lang?: string | null;
}

// Thousand = 3, million = 6, ... Keys are lower case without a trailing period; a
// per-language table is consulted before this one (case-sensitive first).
// Source: Intl.NumberFormat(locale, {notation: 'compact'}) in ~60 locales (the table is
// checked against Intl in tests/unit/parse-count.test.ts) plus the spelled-out forms the
// sites use in aria-labels ("1.2 million views").
const DEFAULT_SUFFIXES: Record<string, number> = {
  k: 3, thousand: 3, tausend: 3, mille: 3, mil: 3, tys: 3, 'тыс': 3, 'тис': 3, 'хил': 3, 'хиљ': 3,
  tis: 3, 'tūkst': 3, tuh: 3, 'þ': 3, 'χιλ': 3, rb: 3, ribu: 3, 'ألف': 3, 'هزار': 3, 'ہزار': 3,
  'हज़ार': 3, 'ह': 3, 'হা': 3, 'мың': 3, 'ஆ': 3, 'వే': 3, e: 3,
  m: 6, mn: 6, mln: 6, mio: 6, mi: 6, 'млн': 6, milj: 6, mill: 6, jt: 6, j: 6, tr: 6, 'εκ': 6,
  'مليون': 6, 'میلیون': 6, 'மி': 6, 'మి': 6, million: 6, millions: 6, millionen: 6,
  millones: 6, 'millón': 6, 'milhão': 6, 'milhões': 6, milioni: 6, milione: 6, miljoen: 6,
  b: 9, bn: 9, md: 9, mrd: 9, mld: 9, mlrd: 9, mljrd: 9, mlr: 9, mjd: 9, ma: 9, bi: 9, mia: 9,
  'млрд': 9, 'δισ': 9, 'مليار': 9, 'میلیارد': 9, 'பி': 9, 'బి': 9, billion: 9, billions: 9,
  milliard: 9, milliards: 9, milliarde: 9, milliarden: 9, miliar: 9, miljard: 9, miliardo: 9,
  miliardi: 9, 'bilhão': 9, 'bilhões': 9, g: 9, 'ارب': 9, 'अब्ज': 9,
  t: 12, tn: 12, bio: 12, bln: 12, bil: 12, bilj: 12, tril: 12, trln: 12, trilj: 12, tri: 12,
  'трлн': 12, 'τρισ': 12, 'ترليون': 12, 'تریلیون': 12, 'டி': 12, 'ట్రి': 12, trillion: 12,
  l: 5, lakh: 5, 'लाख': 5, 'লা': 5, 'لاکھ': 5, cr: 7, crore: 7, 'क': 7, 'কো': 7, 'कोटी': 7, 'کروڑ': 7,
  kcr: 10, lcr: 12, 'শত': 2,
  // plural and long forms Intl uses for some counts (Arabic 3–10 thousand: "٥ آلاف")
  'พัน': 3, 'หมื่น': 4, 'แสน': 5, 'ล้าน': 6, // Thai (YouTube: "1.2 ล้าน")
  'آلاف': 3, 'ملايين': 6, 'مليارات': 9, 'هزارمیلیارد': 12, 'ٹریلین': 12, 'करोड़': 7, 'अरब': 9, 'खरब': 11, 'नील': 13,
};

// Where a language gives a common abbreviation another meaning (Turkish "B" = bin =
// thousand, Indonesian "M" = miliar = 10^9, Spanish "B" = billón = 10^12, ...).
const LANGUAGE_SUFFIXES: Record<string, Record<string, number>> = {
  tr: { b: 3, mn: 6, mr: 9, tn: 12 },
  id: { m: 9, t: 12 },
  ms: { j: 6, b: 9 },
  vi: { n: 3, tr: 6, t: 9, nt: 12 },
  es: { b: 12 },
  ca: { km: 9, b: 12 },
  gl: { b: 12 },
  eu: { b: 12 },
  hu: { e: 3, b: 12 },
  pt: { mi: 6, bi: 9, tri: 12 },
  'pt-pt': { mm: 9, bi: 12 },
  fr: { md: 9, bn: 12 },
  sv: { tn: 3, mn: 6, md: 9, bn: 12 },
  is: { 'þ': 3, m: 6, ma: 9, bn: 12 },
  af: { bn: 12 },
  da: { t: 3, mio: 6, mia: 9, bio: 12 },
  fi: { t: 3 },
  nb: { mill: 6, mrd: 9, bill: 12 },
  no: { mill: 6, mrd: 9, bill: 12 },
  cs: { mil: 6, bil: 12 },
  sk: { mil: 6, bil: 12 },
  ro: { mil: 6, tril: 12 },
  hr: { mil: 6, bil: 12 },
  sr: { mil: 6, 'мил': 6, 'бил': 12 },
  sl: { mio: 6, bil: 12 },
  bg: { 'млн': 6 },
  kk: { 'м': 3 },
  hi: { 'क': 7, 'अ': 9, 'ख': 11 },
  mr: { 'ह': 3, 'अब्ज': 9, 'खर्व': 11 },
  ur: { 'ارب': 9, 'کھرب': 11 },
};

// The spelled-out number words of each language ("104 mila", "2,5 milioane", "12 тысяч"), as
// Intl.NumberFormat(locale, {notation: 'compact', compactDisplay: 'long'}) writes them (CLDR;
// checked against Intl for every locale in tests/unit/parse-count.test.ts). By power of ten;
// a word ending in "*" is a stem that stands for its plural and case forms ("tysi*": tysiąc,
// tysiące, tysięcy). Words DEFAULT_SUFFIXES already reads the same way ("mille", "millones",
// "milioni") are not repeated. These are read only when the page declares the language:
// some mean other things elsewhere ("billion" is 10^9 in English and 10^12 in German, "min"
// a thousand in Azerbaijani). A word we do not know after a count must never be taken for
// its label: "104 mila" read as 104 was a shipped bug.
const LONG_WORDS: Record<string, Record<number, string>> = {
  de: { 12: 'billion*' },
  fr: { 3: 'millier*', 12: 'billion*' },
  es: { 6: 'm', 12: 'billón billones' }, // "12 mil M": M after another word
  gl: { 6: 'millóns', 12: 'billón billóns' },
  ca: { 3: 'miler milers', 6: 'milió milions', 12: 'bilió bilions' },
  eu: { 6: 'milioi', 12: 'bilioi' },
  pt: { 12: 'trilhão trilhões' },
  'pt-pt': { 12: 'bilião biliões' },
  it: { 3: 'mila' },
  nl: { 3: 'duizend', 12: 'biljoen' },
  af: { 3: 'duisend', 12: 'biljoen' },
  sv: { 3: 'tusen', 6: 'miljon*', 9: 'miljard*', 12: 'biljon*' },
  da: { 3: 'tusind', 6: 'million*', 9: 'milliard*', 12: 'billion*' },
  nb: { 3: 'tusen', 6: 'million*', 9: 'milliard*', 12: 'billion*' },
  is: { 3: 'þúsund', 6: 'milljón*', 9: 'milljarð*', 12: 'billjón*' },
  fi: { 3: 'tuhat*', 6: 'miljoon*', 9: 'miljardi*', 12: 'biljoon*' },
  et: { 3: 'tuhat', 6: 'miljon*', 9: 'miljard*', 12: 'triljon*' },
  lt: { 3: 'tūkstan*', 6: 'milijon*', 9: 'milijard*', 12: 'trilijon*' },
  lv: { 3: 'tūksto*', 6: 'miljon*', 9: 'miljard*', 12: 'triljon*' },
  pl: { 3: 'tysi*', 6: 'milion*', 9: 'miliard*', 12: 'bilion*' },
  cs: { 3: 'tisíc*', 6: 'milion*', 9: 'miliard*', 12: 'bilion*' },
  sk: { 3: 'tisíc*', 6: 'milión*', 9: 'miliard* miliárd', 12: 'bilión*' },
  sl: { 3: 'tisoč', 6: 'milijon*', 9: 'milijard*', 12: 'bilijon*' },
  hr: { 3: 'tisuć*', 6: 'milijun*', 9: 'milijard*', 12: 'bilijun*' },
  sr: { 3: 'хиљад*', 6: 'милион*', 9: 'милијард*', 12: 'билион*' },
  bg: { 3: 'хиляди', 6: 'милион*', 9: 'милиард*', 12: 'трилион*' },
  ru: { 3: 'тысяч*', 6: 'миллион*', 9: 'миллиард*', 12: 'триллион*' },
  uk: { 3: 'тисяч*', 6: 'мільйон*', 9: 'мільярд*', 12: 'трильйон*' },
  kk: { 6: 'миллион', 9: 'миллиард', 12: 'триллион' },
  el: { 3: 'χιλιάδ*', 6: 'εκατομμύρι*', 9: 'δισεκατομμύρι*', 12: 'τρισεκατομμύρι*' },
  ro: { 3: 'mie mii', 6: 'milio*', 9: 'miliard*', 12: 'trilio*' },
  hu: { 3: 'ezer', 6: 'millió', 9: 'milliárd', 12: 'billió' },
  tr: { 3: 'bin', 6: 'milyon', 9: 'milyar', 12: 'trilyon' },
  az: { 3: 'min', 6: 'milyon', 9: 'milyard', 12: 'trilyon' },
  id: { 6: 'juta', 12: 'triliun' },
  ms: { 6: 'juta', 9: 'bilion', 12: 'trilion' },
  fil: { 3: 'libo', 6: 'milyon', 9: 'bilyon', 12: 'trilyon' },
  vi: { 3: 'nghìn', 6: 'triệu', 9: 'tỷ' },
  th: { 9: 'พันล้าน', 10: 'หมื่นล้าน', 11: 'แสนล้าน', 12: 'ล้านล้าน' },
  he: { 3: 'אלף', 6: 'מיליון', 9: 'מיליארד', 12: 'טריליון' },
  mr: { 3: 'हजार', 13: 'पद्म' },
  ta: { 3: 'ஆயிரம்', 6: 'மில்லியன்', 9: 'பில்லியன்', 12: 'டிரில்லியன்' },
  te: { 3: 'వేయి వేలు', 6: 'మిలియన్*', 9: 'బిలియన్*', 12: 'ట్రిలియన్*' },
  bn: { 3: 'হাজার', 5: 'লাখ', 7: 'কোটি' },
};


/** Each language's table: its abbreviations (LANGUAGE_SUFFIXES) and its number words, and the stems; made on first use (a page reads in one language). */
type LanguageTable = { words: Record<string, number>; stems: [string, number][] };
const LANGUAGE_TABLES = new Map<string, LanguageTable | null>();
function languageTable(lang: string): LanguageTable | null {
  const known = LANGUAGE_TABLES.get(lang);
  if (known !== undefined) return known;
  let table: LanguageTable | null = null;
  if (Object.hasOwn(LANGUAGE_SUFFIXES, lang) || Object.hasOwn(LONG_WORDS, lang)) {
    const words: Record<string, number> = { ...LANGUAGE_SUFFIXES[lang] };
    const stems: [string, number][] = [];
    for (const [power, list] of Object.entries(LONG_WORDS[lang] ?? {})) {
      for (const word of list.split(' ')) {
        if (word.endsWith('*')) stems.push([word.slice(0, -1), Number(power)]);
        else words[word] = Number(power);
      }
    }
    // Longest stem first: "miliard*" before "milion*" never overlap, but a future pair might.
    table = { words, stems: stems.sort((a, b) => b[0].length - a[0].length) };
  }
  // Only the languages the tables name are kept (a page's lang attribute is the page's to choose).
  if (table) LANGUAGE_TABLES.set(lang, table);
  return table;
}

// East Asian myriad units are written without a space and often followed by a counter
// word ("2.04万人", "207만명", "5860位订阅者"); they are read one character at a time.
const CJK_SUFFIXES: Record<string, number> = {
  '千': 3, '천': 3, '万': 4, '萬': 4, '만': 4, '億': 8, '亿': 8, '억': 8, '兆': 12, '조': 12,
};

// A count of zero is only ever a number when the page says so in words ("No views").
const ZERO_WORDS =
  /^(no|keine?|kein|aucune?|sin|ning[uú]n[ao]?|nenhum[ao]?|sem|nessun[ao]?|geen|brak|нет|ні|hiç|tidak ada|chưa có)\s+\p{L}/iu;

const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u200b\ufeff]/g;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;

// Digits of other scripts → ASCII (Arabic-Indic, Persian, Devanagari, Bengali, full width).
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]/g, (ch) => {
    const code = ch.charCodeAt(0);
    for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
    return ch;
  });
}

/** Text as the parser sees it: no bidi marks, one kind of space, ASCII digits. */
export function normaliseCountText(text: string): string {
  return asciiDigits(text.replace(BIDI_MARKS, ''))
    .replace(SPACES, ' ')
    .replace(/\u066b/g, '.') // Arabic decimal separator
    .replace(/\u066c/g, ',') // Arabic thousands separator
    .replace(/[\u2019\u02bc]/g, "'")
    .trim();
}

// A run of digits with separators. A space or apostrophe only joins digit groups of
// exactly three ("1 310", "10 000", "1'234"); "12 3" is two numbers.
const NUMBER = /\d+(?:(?:[.,]\d+)|(?:[ ']\d{3}(?!\d)))*/g;

/**
 * The power of ten a word after a number stands for. `chained`: the word follows another
 * one ("mil M", "mila miliardi", "lakh crore"); then only the language's own words count
 * when it has any, so a label that happens to be another language's abbreviation ("104 mila
 * Mi piace": "mi" is Portuguese for a million) is not multiplied in; a longer shared word
 * still is.
 */
function lookupSuffix(token: string, lang: string | null, chained = false): number | undefined {
  const bare = nfc(token.replace(/[.\u0970]+$/u, ''));
  if (!bare) return undefined;
  const lower = bare.toLowerCase();
  const tables: { words: Record<string, number>; stems: [string, number][] }[] = [];
  if (lang) {
    const full = languageTable(lang);
    const primary = languageTable(lang.split('-')[0] ?? '');
    if (full) tables.push(full);
    if (primary && primary !== full) tables.push(primary);
  }
  for (const { words, stems } of tables) {
    const hit = words[bare] ?? words[lower] ?? stems.find(([stem]) => lower.startsWith(stem))?.[1];
    if (hit !== undefined) return hit;
  }
  // After another number word, a language with its own words takes only spelled-out words
  // from the shared table ("लाख करोड़"), not abbreviations ("mila Mi").
  if (chained && tables.length > 0 && bare.length <= 2) return undefined;
  return DEFAULT_SUFFIXES[bare] ?? DEFAULT_SUFFIXES[lower];
}

/**
 * Split the digits into integer and fraction. Returns null when the separators do not
 * describe one number unambiguously.
 */
function splitDigits(raw: string, abbreviated: boolean): { int: string; frac: string } | null {
  const parts = raw.split(/([.,' ])/);
  // parts: digits, sep, digits, sep, ...
  const groups: string[] = [];
  const seps: string[] = [];
  parts.forEach((p, i) => (i % 2 === 0 ? groups.push(p) : seps.push(p)));
  if (seps.length === 0) return { int: raw, frac: '' };

  const last = seps[seps.length - 1]!;
  const lastGroup = groups[groups.length - 1]!;
  const distinct = new Set(seps);
  let decimalAt = -1;
  if (distinct.size > 1) {
    // "1,234.5" / "1.234,5": the last separator is the decimal one, the others group.
    if (last === ' ' || last === "'" || seps.slice(0, -1).includes(last)) decimalAt = -1;
    else decimalAt = seps.length - 1;
  } else if (seps.length === 1 && (last === '.' || last === ',')) {
    // One separator: three digits after it make it a thousands separator ("1.204" in
    // German, "1,204" in English, "1,234万"); one or two make it a decimal ("1,2 Mio.").
    if (lastGroup.length !== 3) decimalAt = 0;
  }
  const intGroups = decimalAt >= 0 ? groups.slice(0, decimalAt + 1) : groups;
  const frac = decimalAt >= 0 ? lastGroup : '';
  // Grouping must be regular: 1-3 leading digits, then threes (or Indian twos then a three).
  if (intGroups.length > 1) {
    const [first, ...rest] = intGroups;
    if (!first || first.length > 3) return null;
    const tail = rest[rest.length - 1]!;
    const middle = rest.slice(0, -1);
    const western = rest.every((g) => g.length === 3);
    const indian = tail.length === 3 && middle.every((g) => g.length === 2) && first.length <= 2;
    if (!western && !indian) return null;
  }
  if (frac && (frac.length > 2 || !abbreviated)) {
    // A fraction only makes sense with an abbreviation, and the sites print at most
    // two decimals there ("1.23M"). Anything else is not a count we understand.
    return null;
  }
  return { int: intGroups.join(''), frac };
}

/** Parse one count; `null` when the text holds no count or more than one. */
export function parseCount(text: string | null | undefined, options: ParseCountOptions = {}): ParsedCount | null {
  if (text == null) return null;
  const lang = options.lang ? options.lang.toLowerCase() : null;
  const norm = normaliseCountText(String(text));
  if (!norm || norm.length > 200) return null;

  const matches = [...norm.matchAll(NUMBER)];
  if (matches.length === 0) {
    return ZERO_WORDS.test(norm) ? { value: 0, exact: true, step: 1, unit: norm } : null;
  }
  if (matches.length > 1) return null;
  const match = matches[0]!;
  const start = match.index ?? 0;
  const raw = match[0];
  const before = norm.slice(0, start);
  let after = norm.slice(start + raw.length);

  // A digit glued to letters on the left ("v2", "x10") is not a count.
  if (/[\p{L}\p{N}]$/u.test(before) && !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]$/u.test(before)) return null;
  // "1.5" followed by more punctuation and digits was caught above; "12-3" etc. are not counts.
  if (/^[.,]\d/.test(after)) return null;
  // A trailing separator at the end of a sentence ("1,204.") is fine; other symbols are not.
  if (/^[%/:×x+\-−]/u.test(after) && !/^x\s/.test(after)) return null;

  // Multipliers right after the number: CJK characters one by one, then words.
  let exponent = 0;
  let abbreviated = false;
  for (;;) {
    const cjk = after[0] !== undefined ? CJK_SUFFIXES[after[0]] : undefined;
    if (cjk !== undefined) {
      exponent += cjk;
      abbreviated = true;
      after = after.slice(1);
      continue;
    }
    const word = WORD.exec(after);
    if (!word) break;
    const token = word[1]!;
    let power = lookupSuffix(token, lang, abbreviated);
    let length = word[0].length;
    if (power === undefined && FILLERS.has(token.toLowerCase())) {
      // A filler between or before number words: "20 de mii" (ro), "1 miler de milions" (ca), "12 na libo" (fil).
      const next = WORD.exec(after.slice(length));
      const nextPower = next ? lookupSuffix(next[1]!, lang, true) : undefined;
      if (next && nextPower !== undefined) {
        power = nextPower;
        length += next[0].length;
      }
    }
    if (power === undefined) {
      // An unknown short token right after a number ("12 tn", "3 mx.") might be an
      // abbreviation we do not know; guessing "no multiplier" is how "630k" became 63,000.
      const bare = token.replace(/[.\u0970]+$/u, '');
      const shortWord = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]{1,2}$/u.test(bare);
      if (!abbreviated && ((token.endsWith('.') && bare.length <= 4) || shortWord) && !FILLERS.has(bare.toLowerCase())) return null;
      break;
    }
    exponent += power;
    abbreviated = true;
    after = after.slice(length);
  }

  const digits = splitDigits(raw, abbreviated);
  if (!digits) return null;
  const { int, frac } = digits;
  const shift = exponent - frac.length;
  if (shift < 0) return null; // "1.2345K" = 1234.5: not a count
  const mantissa = Number(int + frac);
  const value = mantissa * 10 ** shift;
  if (!Number.isSafeInteger(value)) return null;
  const unit = `${before} ${after}`.replace(/^[\s,;:•·|]+|[\s,;:•·|]+$/g, '').trim();
  return { value, exact: !abbreviated, step: abbreviated ? 10 ** shift : 1, unit };
}

// One word after a number: letters, an optional abbreviation dot.
const WORD = /^ ?([\p{L}\p{M}]+\.?[\u0970]?)(?=$|[\s,;:)(•·|\-–—!?'"]|\p{Script=Han})/u;

// Short words that may follow a count and are not abbreviations ("1,2 M de seguidores").
const FILLERS = new Set(['de', 'di', 'da', 'do', 'du', 'of', 'av', 'na', 'x', 'и', 'в', 'z', 'ta', 'la', 'le', 'el', 'en', 'i', 'a', 'о', 'у']);

/** Two readings of the same count agree when each lies within the other's precision. */
export function countsAgree(a: ParsedCount, b: ParsedCount): boolean {
  const lo = Math.max(a.value - a.step, b.value - b.step);
  const hi = Math.min(a.value + a.step, b.value + b.step);
  return lo <= hi;
}
