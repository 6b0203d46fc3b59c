/**
 * The overlay's CSS, inside its shadow root (the page's CSS cannot reach it, and it cannot
 * reach the page). Given to createShadowRootUi as text: no stylesheet fetch before paint.
 *
 * The creator's figures are CreatorSummary (components/ui), which the popup and the
 * dashboard show too; it carries these cl-* names beside the pages' own. Laid out as this
 * panel's always were: cl-contents lifts the rows it groups for the pages, and order puts
 * the rate under its label and the tier under the definition.
 *
 * The same CSS styles the panel's frame (entrypoints/panel), with TOOLS_CSS (what only the frame
 * draws) and FRAME_CSS on top: there the root is the frame's whole page, in the panel's body, so
 * it has no box of its own.
 */
export const OVERLAY_CSS = `
:host { all: initial !important; }
.cl-root { --bg: #ffffff; --fg: #16181d; --muted: #5b6270; --line: #e3e6eb; --accent: #3b5bdb; --accent-fg: #ffffff;
  --good: #2b8a3e; --bad: #c92a2a; --neutral: #5b6270; --chip: #f1f3f5; --shadow: 0 6px 24px rgba(15, 20, 30, 0.18);
  position: fixed; z-index: 2147483647; width: 300px; max-height: calc(100vh - 24px); overflow: auto;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 12px; box-shadow: var(--shadow);
  box-sizing: border-box; text-align: left; letter-spacing: normal; direction: ltr; }
.cl-root[data-theme="dark"] { --bg: #1d2026; --fg: #eef0f3; --muted: #a3aab6; --line: #353a44; --accent: #7b93ff; --accent-fg: #0e1116;
  --good: #69db7c; --bad: #ff8787; --neutral: #a3aab6; --chip: #2a2e36; --shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
.cl-root * { box-sizing: border-box; }
.cl-root[data-collapsed="true"] { width: auto; border-radius: 999px; }
.cl-head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid var(--line); cursor: grab; user-select: none; touch-action: none; }
.cl-root[data-collapsed="true"] .cl-head { border-bottom: 0; }
.cl-logo { width: 10px; height: 10px; border-radius: 50%; background: var(--accent); flex: none; }
.cl-title { flex: 1; min-width: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cl-title small { font-weight: 400; color: var(--muted); margin-left: 4px; }
.cl-iconbtn { all: unset; cursor: pointer; color: var(--muted); border-radius: 6px; padding: 2px 6px; font-size: 14px; line-height: 1; }
.cl-iconbtn:hover { background: var(--chip); color: var(--fg); }
.cl-pill { all: unset; cursor: pointer; display: flex; gap: 6px; align-items: center; padding: 6px 12px; font-weight: 600; }
.cl-body { padding: 10px 12px 12px; display: grid; gap: 10px; }
.cl-row { display: flex; flex-wrap: wrap; gap: 4px 12px; color: var(--muted); }
.cl-row b { color: var(--fg); font-weight: 600; }
.cl-section { display: grid; gap: 4px; }
.cl-label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.cl-value { font-size: 16px; font-weight: 600; }
.cl-def { color: var(--muted); font-size: 12px; }
.cl-chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; border-radius: 999px; background: var(--chip); font-size: 12px; width: fit-content; cursor: help; }
.cl-chip[data-position="above"] { color: var(--good); }
.cl-chip[data-position="below"] { color: var(--bad); }
.cl-chip[data-position="within"] { color: var(--neutral); }
.cl-chip:focus-visible, .cl-btn:focus-visible, .cl-iconbtn:focus-visible, .cl-pill:focus-visible, .cl-input:focus-visible, .cl-select:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.cl-tip { color: var(--muted); font-size: 12px; border-left: 2px solid var(--line); padding-left: 8px; }
.cl-unknown { color: var(--muted); font-style: italic; }
.cl-summary { display: grid; gap: 10px; }
.cl-summary p { margin: 0; }
.cl-big { font-size: 22px; font-weight: 700; line-height: 1.1; display: flex; align-items: baseline; }
.cl-big-label { font-size: 12px; font-weight: 400; color: var(--muted); margin-left: 4px; }
.cl-up { color: var(--good); } .cl-down { color: var(--bad); }
.cl-contents { display: contents; }
.cl-engagement .cl-label { order: 1; }
.cl-engagement .cl-value, .cl-engagement .cl-unknown { order: 2; }
.cl-definition { order: 3; }
.cl-definition:empty { display: none; }
.cl-tier { order: 4; }
.cl-engagement .cl-chip { order: 5; }
.cl-engagement .cl-tip { order: 6; }
.cl-engagement .cl-note { order: 5; }
.cl-engagement .cl-row { order: 7; }
.cl-engagement .cl-sponsored { order: 8; }
.cl-engagement .cl-cadence { order: 9; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.cl-btn { all: unset; cursor: pointer; padding: 6px 12px; border-radius: 8px; background: var(--accent); color: var(--accent-fg); font-weight: 600; }
.cl-btn[data-variant="ghost"] { background: var(--chip); color: var(--fg); }
.cl-tools { justify-self: start; font-weight: 500; }
.cl-note { display: block; font-weight: 400; color: var(--muted); font-size: 11px; }
.cl-body[hidden] { display: none; }
.cl-frame-el { display: block; width: calc(100% + 8px); height: 0; border: 0; margin: -4px; padding: 0; background: transparent; color-scheme: normal; }
.cl-frame-el[data-shown="false"] { visibility: hidden; margin: -10px -4px 0; }
`;

/**
 * The user's part of the panel (save, lists, the quote, a booked post: ProfilePanel, QuickQuote,
 * PriceAnswer, PostPanel), drawn only in the frame: kept out of the shadow root, whose CSS every
 * profile page load parses.
 */
export const TOOLS_CSS = `
.cl-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.cl-btn[disabled] { opacity: 0.6; cursor: default; }
.cl-saved { color: var(--good); font-weight: 600; }
.cl-input, .cl-select { all: unset; padding: 5px 8px; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); min-width: 0; }
.cl-input { width: 100%; }
.cl-fee { display: grid; grid-template-columns: 1fr auto auto; gap: 6px; }
.cl-results { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 12px; }
.cl-results dt { color: var(--muted); } .cl-results dd { margin: 0; font-weight: 600; text-align: right; font-variant-numeric: tabular-nums; }
.cl-error { color: var(--bad); font-size: 12px; }
.cl-dash { margin-left: auto; }
.cl-link { all: unset; cursor: pointer; color: var(--accent); text-decoration: underline; }
.cl-link:focus-visible, .cl-saved:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.cl-price { display: grid; gap: 4px; }
.cl-price-verdict { font-weight: 700; font-size: 14px; }
.cl-price[data-verdict="below"] .cl-price-verdict { color: var(--good-text, #23773a); }
.cl-root[data-theme="dark"] .cl-price[data-verdict="below"] .cl-price-verdict { color: var(--good); }
.cl-price[data-verdict="above"] .cl-price-verdict { color: var(--bad); }
.cl-price .cl-results dd { text-align: left; font-weight: 600; overflow-wrap: anywhere; }
.cl-foot { color: var(--muted); font-size: 11px; }
.cl-foot summary { cursor: pointer; }
.cl-foot ul { margin: 4px 0 0; padding-left: 16px; }
`;

/**
 * The frame's page: its root is the panel body's lower part (the panel's box and shadow are
 * the shadow root's). 4 px of padding leave room for the focus rings; the frame element's
 * -4 px margins put its content back in line with the body's.
 */
export const FRAME_CSS = `
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
.cl-root.cl-frame { position: static; width: auto; max-height: none; overflow: visible; border: 0; border-radius: 0; box-shadow: none;
  display: grid; gap: 10px; padding: 4px; }
`;
