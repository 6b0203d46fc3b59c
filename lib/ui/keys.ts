/** A creator's library key, "platform:handle" (handles are case-insensitive on all three sites). */
export const creatorKeyOf = (platform: string, handle: string) => `${platform}:${handle.toLowerCase()}`;
