/**
 * The locator engine the Firefox driver runs inside the page: Playwright's getByTestId,
 * getByRole, getByLabel, getByText, CSS, `xpath=..`, `text=…`, first() and or(), with
 * Playwright's matching rules, so a test written for Playwright's Chromium means the same
 * thing in Firefox (https://playwright.dev/docs/locators):
 * - text is whitespace-normalised; a string matches case-insensitively as a substring, or
 *   with `exact` case-sensitively as the whole text; a RegExp is tested as given;
 * - getByText returns the innermost elements whose text matches;
 * - getByLabel looks at <label> text (for= or wrapping), aria-labelledby and aria-label;
 * - getByRole skips what the accessibility tree hides (display: none, visibility: hidden,
 *   aria-hidden) and matches the accessible name (aria-labelledby, aria-label, labels,
 *   content, title, placeholder).
 *
 * `installLocator` is sent to the page as source (it must stay self-contained) and defines
 * `globalThis.__creatorLensE2E`; steps are plain data.
 */

export type Match = { text: string; exact?: boolean } | { source: string; flags: string };
export type Step =
  | { css: string }
  | { testId: string }
  | { role: string; name?: Match; level?: number }
  | { label: Match }
  | { text: Match }
  | { parent: true }
  | { nth: number }
  | { or: [Step[], Step[]] };

export const toMatch = (m: string | RegExp, exact?: boolean): Match => (typeof m === 'string' ? { text: m, exact } : { source: m.source, flags: m.flags });

export interface LocatorEngine {
  locate(steps: Step[]): Element[];
  visible(el: Element): boolean;
  enabled(el: Element): boolean;
  describe(el: Element): string;
}

export function installLocator(): void {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (value: string, m: Match): boolean => {
    const text = norm(value);
    if ('source' in m) return new RegExp(m.source, m.flags).test(text);
    return m.exact ? text === norm(m.text) : text.toLowerCase().includes(norm(m.text).toLowerCase());
  };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
  const order = (els: Iterable<Element>) => [...new Set(els)].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const within = (scope: Document | Element, self: boolean): Element[] => {
    const all = [...scope.querySelectorAll('*')];
    return self && scope instanceof Element ? [scope, ...all] : all;
  };
  const skipped = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (SKIP.has(e.tagName)) return true;
    return false;
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const hiddenFromTree = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.getAttribute('aria-hidden') === 'true') return true;
      const style = getComputedStyle(e);
      if (style.display === 'none') return true;
      if (e === el && style.visibility === 'hidden') return true;
    }
    return false;
  };
  const byIds = (el: Element, attr: string) =>
    (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean).map((id) => el.ownerDocument.getElementById(id)).filter((e): e is HTMLElement => !!e);
  const labelsOf = (el: Element): string[] => {
    const out: string[] = [];
    const aria = el.getAttribute('aria-label');
    if (aria && norm(aria)) out.push(aria);
    const by = byIds(el, 'aria-labelledby');
    if (by.length) out.push(by.map((e) => e.textContent ?? '').join(' '));
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const l of labels) out.push(l.textContent ?? '');
    return out;
  };
  const INPUT_ROLES: Record<string, string> = {
    button: 'button', submit: 'button', reset: 'button', image: 'button', checkbox: 'checkbox', radio: 'radio', range: 'slider',
    number: 'spinbutton', search: 'searchbox', text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox', password: 'textbox',
  };
  const roleOf = (el: Element): string | null => {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = el.tagName;
    if (tag === 'BUTTON') return 'button';
    if (tag === 'INPUT') {
      const type = ((el as HTMLInputElement).getAttribute('type') ?? 'text').toLowerCase();
      if (el.hasAttribute('list') && ['text', 'search', 'email', 'tel', 'url'].includes(type)) return 'combobox';
      return INPUT_ROLES[type] ?? null;
    }
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'SELECT') return (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
    if (/^H[1-6]$/.test(tag)) return 'heading';
    if ((tag === 'A' || tag === 'AREA') && el.hasAttribute('href')) return 'link';
    const fixed: Record<string, string> = { NAV: 'navigation', MAIN: 'main', TABLE: 'table', TR: 'row', TH: 'columnheader', TD: 'cell', UL: 'list', OL: 'list', LI: 'listitem', DIALOG: 'dialog', IMG: 'img', FORM: 'form', OPTION: 'option', PROGRESS: 'progressbar', ARTICLE: 'article', ASIDE: 'complementary', FIELDSET: 'group', DETAILS: 'group' };
    return fixed[tag] ?? null;
  };
  const FROM_CONTENT = new Set(['button', 'link', 'heading', 'cell', 'columnheader', 'row', 'option', 'listitem', 'checkbox', 'radio', 'tab', 'menuitem', 'switch']);
  const contentText = (node: Node): string => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += child.textContent ?? '';
      else if (child instanceof Element) {
        if (child.getAttribute('aria-hidden') === 'true' || SKIP.has(child.tagName)) continue;
        const aria = child.getAttribute('aria-label');
        if (aria && norm(aria)) out += ` ${aria} `;
        else if (child.tagName === 'IMG') out += ` ${child.getAttribute('alt') ?? ''} `;
        else out += ` ${contentText(child)} `;
      }
    }
    return out;
  };
  const nameOf = (el: Element, role: string): string => {
    const by = byIds(el, 'aria-labelledby');
    if (by.length) return by.map((e) => contentText(e)).join(' ');
    const aria = el.getAttribute('aria-label');
    if (aria && norm(aria)) return aria;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return [...labels].map((l) => contentText(l)).join(' ');
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)) return (el as HTMLInputElement).value;
    if (FROM_CONTENT.has(role)) {
      const text = norm(contentText(el));
      if (text) return text;
    }
    return el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '';
  };
  const levelOf = (el: Element) => Number(el.getAttribute('aria-level') ?? (/^H([1-6])$/.exec(el.tagName)?.[1] ?? '0'));

  const apply = (step: Step, scope: (Document | Element)[]): Element[] => {
    if ('css' in step) return order(scope.flatMap((s) => [...s.querySelectorAll(step.css)]));
    if ('testId' in step) return order(scope.flatMap((s) => [...s.querySelectorAll(`[data-testid="${CSS.escape(step.testId)}"]`)]));
    if ('parent' in step) return order(scope.map((s) => (s instanceof Element ? s.parentElement : null)).filter((e): e is HTMLElement => !!e));
    if ('nth' in step) {
      const els = scope.filter((s): s is Element => s instanceof Element);
      return els[step.nth < 0 ? els.length + step.nth : step.nth] ? [els[step.nth < 0 ? els.length + step.nth : step.nth]!] : [];
    }
    if ('or' in step) return order([...locate(step.or[0]), ...locate(step.or[1])]);
    if ('text' in step) {
      const m = step.text;
      return order(scope.flatMap((s) => within(s, true)).filter((el) => !skipped(el) && test(el.textContent ?? '', m) && ![...el.children].some((c) => test(c.textContent ?? '', m))));
    }
    if ('label' in step) {
      const m = step.label;
      return order(scope.flatMap((s) => within(s, false)).filter((el) => labelsOf(el).some((l) => test(l, m))));
    }
    return order(
      scope.flatMap((s) => within(s, false)).filter((el) => {
        const role = roleOf(el);
        if (role !== step.role || hiddenFromTree(el)) return false;
        if (step.level !== undefined && levelOf(el) !== step.level) return false;
        return !step.name || test(nameOf(el, role), step.name);
      }),
    );
  };
  const locate = (steps: Step[]): Element[] => {
    let scope: (Document | Element)[] = [document];
    for (const step of steps) scope = 'or' in step ? apply(step, [document]) : apply(step, scope);
    return scope.filter((s): s is Element => s instanceof Element);
  };
  const enabled = (el: Element) => !(el as HTMLButtonElement).disabled && !el.closest('[aria-disabled="true"], fieldset[disabled]');
  const describe = (el: Element) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
  const engine: LocatorEngine = { locate, visible, enabled, describe };
  (globalThis as unknown as { __creatorLensE2E: LocatorEngine }).__creatorLensE2E = engine;
}
