/** What the overlay shows and what it can ask the background to do (mount.tsx wires both). */
import type { PostBooking } from '@/lib/protocol';
import type { CreatorView } from '@/lib/view/creator';
import type { Deliverable } from '@/lib/roi/project';
import type { PostReading, ProfileReading } from '@/lib/sites/types';

export type OverlayState =
  | { kind: 'reading' }
  | { kind: 'profile'; reading: ProfileReading; view: CreatorView | null; libraryError: string | null }
  | { kind: 'post'; reading: PostReading; bookings: PostBooking[] }
  | { kind: 'unreadable'; message: string };

export type Result = { ok: true } | { ok: false; reason: string };

export interface OverlayActions {
  save(creatorKey: string): Promise<Result>;
  addToList(creatorKey: string, list: string): Promise<Result>;
  keepDeal(request: { creatorKey: string; fee: number; currency: string; deliverable: Deliverable }): Promise<Result>;
  /** Opens the dashboard: the creator's page, or the settings. */
  openDashboard?(page: 'creator' | 'settings', creatorKey: string | null): Promise<Result>;
  markPost(bookingId: number): Promise<({ ok: true; bookings: PostBooking[] }) | { ok: false; reason: string }>;
}

/** Distance from the viewport's right and bottom edges, in px. */
export interface Position {
  right: number;
  bottom: number;
}
