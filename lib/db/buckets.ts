// SHIM (removed once the components branch is merged): the queries moved to snapshots.ts and posts.ts, the layout to layout.ts.
export { countSnapshots, snapshotsOf } from './snapshots';
export { postsOf } from './posts';
