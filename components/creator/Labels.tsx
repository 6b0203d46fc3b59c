/** A creator's lists and tags: shown as chips, added and removed. */
import { useState } from 'react';
import { describeDbError } from '@/lib/db/errors';
import { addToList, removeFromList, setTags } from '@/lib/db/creators';
import { useLibrary } from '../dashboard/library-context';

export function Labels({ creatorKey, lists, tags, allLists }: { creatorKey: string; lists: string[]; tags: string[]; allLists: string[] }) {
  const { db } = useLibrary();
  const [list, setList] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (f: () => Promise<unknown>) => f().then(() => setError(null), (e) => setError(e instanceof RangeError ? e.message : describeDbError(e)));
  return (
    <section className="card stack" aria-labelledby="labels-title">
      <h2 id="labels-title">Lists and tags</h2>
      <div className="row" aria-label="Lists">
        {lists.length === 0 && <span className="muted small">In no list.</span>}
        {lists.map((l) => <span key={l} className="chip">{l}<button type="button" className="chip-x" aria-label={`Remove from ${l}`} onClick={() => run(() => removeFromList(db, [creatorKey], l))}>×</button></span>)}
      </div>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (list.trim()) void run(() => addToList(db, [creatorKey], list)).then(() => setList('')); }}>
        <input aria-label="Add to list" placeholder="Add to list…" list="creator-lists" value={list} maxLength={100} onChange={(e) => setList(e.target.value)} />
        <datalist id="creator-lists">{allLists.map((l) => <option key={l} value={l} />)}</datalist>
        <button type="submit" className="btn" disabled={!list.trim()}>Add</button>
      </form>
      <div className="row" aria-label="Tags">
        {tags.length === 0 && <span className="muted small">No tags.</span>}
        {tags.map((t) => <span key={t} className="chip">#{t}<button type="button" className="chip-x" aria-label={`Remove tag ${t}`} onClick={() => run(() => setTags(db, creatorKey, tags.filter((x) => x !== t)))}>×</button></span>)}
      </div>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) void run(() => setTags(db, creatorKey, [...tags, tag])).then(() => setTag('')); }}>
        <input aria-label="Add a tag" placeholder="Add a tag…" value={tag} maxLength={100} onChange={(e) => setTag(e.target.value)} />
        <button type="submit" className="btn" disabled={!tag.trim()}>Tag</button>
      </form>
      {error && <p className="notice error small" role="alert">{error}</p>}
    </section>
  );
}
