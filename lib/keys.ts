/**
 * The library's keys. A creator is "platform:handle" (handles are case-insensitive on all
 * three sites, so they are kept lower-case); a post is "platform:id" (ids are strings:
 * Instagram's exceed 2^53).
 */
export const creatorKeyOf = (platform: string, handle: string) => `${platform}:${handle.toLowerCase()}`;

export const postKeyOf = (platform: string, id: string) => `${platform}:${id}`;
