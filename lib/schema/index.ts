/**
 * The trust boundary's shapes, one file per kind (see each file): the primitives they share,
 * the reading a content script sends, the library's stored records, settings, campaigns and
 * the import formats. Request schemas of messages live with the protocol (lib/protocol).
 */
export * from './primitives';
export * from './reading';
export * from './library';
export * from './settings';
export * from './campaign';
export * from './import';
