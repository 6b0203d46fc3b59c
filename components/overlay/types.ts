/**
 * What the overlay shows and what it can ask the background to do (mount.tsx wires the
 * shadow root's half, PanelFrame.tsx the frame's; lib/protocol/panel.ts says what is where).
 */
import type { PostBooking } from '@/lib/protocol';
import type { PanelState } from '@/lib/protocol/panel';
import type { Deliverable } from '@/lib/roi/project';

export type OverlayState = { kind: 'reading' } | PanelState | { kind: 'unreadable'; message: string };

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
