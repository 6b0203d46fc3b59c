/**
 * Every creator in the library: search, filters, sorting, multi-select with bulk actions
 * (add to a list, compare, delete after confirming). Only the rows in view are in the
 * DOM (@tanstack/react-virtual), so 5,000 creators scroll and sort without delay.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { cloneElement, useId, useMemo, useRef, useState } from 'react';
import { TIERS } from '@/lib/metrics/benchmarks';
import { describeDbError } from '@/lib/db/errors';
import { addToList, deleteCreators } from '@/lib/db/creators';
import { POSITION_WORD } from '@/lib/view/creator';
import { filterRows, sortRows, type CreatorRow, type RowFilter, type Sort, type SortKey } from '@/lib/dashboard/rows';
import { go } from '@/lib/dashboard/route';
import { count, date, pct, signedPct } from '@/lib/view/format';
import { platformName, PLATFORMS } from '@/lib/sites/platforms';
import { useLibrary } from './library-context';
import { ConfirmDialog } from './ConfirmDialog';

const ROW_HEIGHT = 48;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Creator' },
  { key: 'platform', label: 'Platform' },
  { key: 'followers', label: 'Followers', numeric: true },
  { key: 'tier', label: 'Tier' },
  { key: 'engagement', label: 'Engagement', numeric: true },
  { key: 'growth', label: 'Growth / week', numeric: true },
  { key: 'lastSeen', label: 'Last seen', numeric: true },
];

export function CreatorsTable() {
  const { db, rows, creators, figures } = useLibrary();
  const [filter, setFilter] = useState<RowFilter>({});
  const [sort, setSort] = useState<Sort>({ key: 'lastSeen', dir: 'desc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [listName, setListName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const lists = useMemo(() => [...new Set((creators ?? []).flatMap((c) => c.lists))].sort(), [creators]);
  const tags = useMemo(() => [...new Set((creators ?? []).flatMap((c) => c.tags))].sort(), [creators]);
  const shown = useMemo(() => (rows ? sortRows(filterRows(rows, filter), sort) : []), [rows, filter, sort]);
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  if (!rows) return <p className="muted" aria-busy="true">Opening the library…</p>;
  if (rows.length === 0) {
    return (
      <section className="empty card stack-lg" data-testid="empty">
        <h1>No creators yet</h1>
        <p>Open a creator’s profile on Instagram, YouTube or TikTok. The Creator Lens panel shows their numbers; press <b>Save</b> to keep them here.</p>
        <p className="muted">Each later visit to a saved profile adds a snapshot, so growth builds up over time. Already have a Creator Lens export? <a href="#/data">Import it</a>.</p>
      </section>
    );
  }

  const set = (patch: RowFilter) => setFilter((f) => ({ ...f, ...patch }));
  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'platform' ? 'asc' : 'desc' }));
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.key));
  const chosen = [...selected].filter((k) => rows.some((r) => r.key === k));
  const toggle = (key: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  const act = async (f: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await f() });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof RangeError ? e.message : describeDbError(e) });
    }
  };
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <section className="stack-lg">
      <div className="spread">
        <h1>Creators <span className="muted count" data-testid="count">{shown.length === rows.length ? rows.length : `${shown.length} of ${rows.length}`}</span></h1>
        {!figures && <span className="muted small" role="status">Computing engagement and growth…</span>}
      </div>
      <div className="filters" role="search">
        <label className="grow">Search<input type="search" placeholder="Name, @handle, list or tag" value={filter.search ?? ''} onChange={(e) => set({ search: e.target.value })} /></label>
        <Field label="Platform"><select value={filter.platform ?? ''} onChange={(e) => set({ platform: e.target.value as RowFilter['platform'] })}>
            <option value="">All</option>
            {PLATFORMS.map((p) => <option key={p} value={p}>{platformName(p)}</option>)}
          </select></Field>
        <Field label="Tier"><select value={filter.tier ?? ''} onChange={(e) => set({ tier: e.target.value as RowFilter['tier'] })}>
            <option value="">All</option>
            {TIERS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select></Field>
        <Field label="List"><select value={filter.list ?? ''} onChange={(e) => set({ list: e.target.value })}>
            <option value="">All</option>
            {lists.map((l) => <option key={l} value={l}>{l}</option>)}
          </select></Field>
        <Field label="Tag"><select value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">All</option>
            {tags.map((l) => <option key={l} value={l}>{l}</option>)}
          </select></Field>
        <Field label="Engagement"><select value={filter.verdict ?? ''} onChange={(e) => set({ verdict: e.target.value as RowFilter['verdict'] })}>
            <option value="">All</option>
            <option value="above">Above band</option>
            <option value="within">Within band</option>
            <option value="below">Below band</option>
            <option value="unknown">Unknown</option>
          </select></Field>
        <Field label="Growth"><select value={filter.growth ?? ''} onChange={(e) => set({ growth: e.target.value as RowFilter['growth'] })}>
            <option value="">All</option>
            <option value="growing">Growing</option>
            <option value="flat">Flat (±0.1 %/week)</option>
            <option value="shrinking">Shrinking</option>
            <option value="unknown">Unknown</option>
          </select></Field>
        <Field label="Follower jumps"><select value={filter.jumps ?? ''} onChange={(e) => set({ jumps: e.target.value as RowFilter['jumps'] })}>
            <option value="">All</option>
            <option value="flagged">Jump flagged</option>
            <option value="none">No jump</option>
            <option value="unknown">Not judged yet</option>
          </select></Field>
      </div>

      <div className="bulk row" aria-label="Selected creators">
        <span className="small"><b>{chosen.length}</b> selected</span>
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          const name = listName.trim();
          if (!name || !chosen.length) return;
          void act(async () => {
            const n = await addToList(db, chosen, name);
            setListName('');
            return `Added ${n} ${n === 1 ? 'creator' : 'creators'} to “${name}”.`;
          });
        }}>
          <input aria-label="List name" placeholder="List name" list="list-names" value={listName} maxLength={100} onChange={(e) => setListName(e.target.value)} />
          <datalist id="list-names">{lists.map((l) => <option key={l} value={l} />)}</datalist>
          <button className="btn" type="submit" disabled={!chosen.length || !listName.trim()}>Add to list</button>
        </form>
        <button className="btn" type="button" disabled={chosen.length < 2 || chosen.length > 4} title="Pick 2 to 4 creators"
          onClick={() => go(`#/compare?keys=${chosen.map(encodeURIComponent).join(',')}`)}>Compare{chosen.length > 4 ? ' (max 4)' : ''}</button>
        <button className="btn danger" type="button" disabled={!chosen.length} onClick={() => setConfirming(true)}>Delete…</button>
        {chosen.length > 0 && <button className="btn ghost small" type="button" onClick={() => setSelected(new Set())}>Clear selection</button>}
        {message && <span className={`small ${message.ok ? 'up' : 'down'}`} role="status">{message.text}</span>}
      </div>

      <div className="table-scroll" ref={scrollRef} data-testid="creators-table">
        <table className="grid" aria-rowcount={shown.length + 1}>
          <thead>
            <tr>
              <th scope="col" className="check">
                <input type="checkbox" aria-label="Select all shown creators" checked={allShownSelected}
                  onChange={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((r) => r.key)))} />
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'n' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.label}<span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">Lists</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {items.map((item) => {
              const r = shown[item.index]!;
              return <Row key={r.key} row={r} index={item.index} selected={selected.has(r.key)} onToggle={toggle} />;
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted pad">No creator matches these filters.</p>}
      </div>

      {confirming && (
        <ConfirmDialog title={`Delete ${chosen.length} ${chosen.length === 1 ? 'creator' : 'creators'}?`} confirm="Delete" danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void act(async () => {
              await deleteCreators(db, chosen);
              setSelected(new Set());
              return `Deleted ${chosen.length} ${chosen.length === 1 ? 'creator' : 'creators'} with their snapshots, posts and deals.`;
            });
          }}>
          Their snapshots, posts and deals are deleted too. This cannot be undone; export the library first to keep a copy.
        </ConfirmDialog>
      )}
    </section>
  );
}

/** A labelled filter: label and control side by side in the DOM (the select's name is the label alone). */
function Field({ label, children }: { label: string; children: React.ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

function Row({ row: r, index, selected, onToggle }: { row: CreatorRow; index: number; selected: boolean; onToggle(key: string): void }) {
  const name = r.creator.displayName ?? `@${r.creator.handle}`;
  return (
    <tr aria-rowindex={index + 2} aria-selected={selected} style={{ height: ROW_HEIGHT }}>
      <td className="check"><input type="checkbox" aria-label={`Select ${name}`} checked={selected} onChange={() => onToggle(r.key)} /></td>
      <td className="name">
        <a href={`#/creator/${encodeURIComponent(r.key)}`}><bdi>{name}</bdi></a>
        <span className="muted small">@{r.creator.handle}{r.creator.savedAt === null ? ' · recorded, not saved' : ''}</span>
      </td>
      <td>{platformName(r.creator.platform)}</td>
      <td className="n num">{count(r.followers, r.creator.latest?.exact.followers ?? false)}</td>
      <td>{r.tier ?? '—'}</td>
      <td className="n num" title={r.sample ?? undefined}>
        {r.engagement === null ? <span className="muted">unknown</span> : pct(r.engagement)}
        {r.engagement !== null && r.creator.platform === 'youtube' && <span className="muted small"> views per subscriber</span>}
        {r.position && <span className={`chip verdict-${r.position}`}>{POSITION_WORD[r.position].toLowerCase()} band</span>}
      </td>
      <td className={`n num ${r.growthPerWeek === null ? 'muted' : r.growthPerWeek > 0 ? 'up' : r.growthPerWeek < 0 ? 'down' : ''}`}>{r.growthPerWeek === null ? '—' : signedPct(r.growthPerWeek, 1)}
        {r.jumps && r.jumps.length > 0 && <span className="chip verdict-below" data-testid="jump-flag" title={r.jumps[0]!.explanation}>{r.jumps.length === 1 ? 'jump' : `${r.jumps.length} jumps`}<span className="visually-hidden">: {r.jumps[0]!.explanation}</span></span>}
      </td>
      <td className="n small">{date(r.creator.lastSeenAt)}</td>
      <td className="small lists">{r.creator.lists.join(', ')}</td>
    </tr>
  );
}
