/**
 * The request of every message, as a zod schema: the background validates each one here,
 * in one place (lib/background/handlers.ts), before a handler sees it. Only the background
 * imports this file (zod stays out of content scripts and the popup); the request types
 * below are what senders build.
 */
import { z } from 'zod';
import { DELIVERABLES } from '../roi/project';
import { AssumptionsSchema, CREATOR_KEY, currency, orderedEstimate, ReadingSchema } from '../schema';

const creatorKey = z.string().min(3).max(140).regex(CREATOR_KEY);
const tabId = z.number().int().nonnegative();

export const SaveRequest = z.object({ creatorKey }).strict();

export const ListRequest = z.object({ creatorKey: z.string().max(140), list: z.string().trim().min(1).max(100) }).strict();

export const MarkPostRequest = z.object({ bookingId: z.number().int().positive() }).strict();

/** A quote typed in the overlay, to keep as a deal (the background recomputes the projection). */
export const KeepDealRequest = z
  .object({
    creatorKey: z.string().max(140),
    fee: z.number().finite().positive().max(1e12),
    currency,
    deliverable: z.enum(DELIVERABLES),
    /** The popup's form: assumptions typed for this quote (else the settings'). */
    assumptions: AssumptionsSchema.optional(),
    impressions: orderedEstimate(z.number().finite().nonnegative()).nullable().optional(),
  })
  .strict();

/** A quote from the popup, for the creator in a tab (or a saved one: tabId null). */
export const UiKeepDealRequest = KeepDealRequest.extend({ tabId: tabId.nullable() }).strict();

/** The panel's way to the dashboard: the creator's page in it, or the settings (the order value and margin the return needs). */
export const OpenDashboardRequest = z.object({ page: z.enum(['creator', 'settings']), creatorKey: creatorKey.nullable() }).strict();

export const UiSaveTabRequest = z.object({ tabId, creatorKey: z.string() }).strict();

export const TabReadingRequest = tabId;

export const PopupRequest = z.object({ tabId: tabId.nullish(), url: z.string().max(8192).nullish() }).strict();

export { ReadingSchema as ReadingRequest };

export type KeepDealRequest = z.input<typeof KeepDealRequest>;
export type UiKeepDealRequest = z.input<typeof UiKeepDealRequest>;
export type OpenDashboardRequest = z.input<typeof OpenDashboardRequest>;
