/** The user's settings, one row in the library (defaults filled in, so an older row still reads). */
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../schema';
import type { LibraryDb } from './db';

export async function getSettings(db: LibraryDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(row?.value ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(db: LibraryDb, patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings(db)), ...patch });
  await db.settings.put({ key: 'settings', value: next });
  return next;
}
