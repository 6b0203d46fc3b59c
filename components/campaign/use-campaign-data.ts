/** What the campaign list, the ranking and the report read. */
import { useLiveQuery } from 'dexie-react-hooks';
import { latestByPost } from '@/lib/campaigns/actuals';
import { useLibrary } from '../dashboard/library-context';

/** Every campaign (newest first), every booking, and each tracked post's latest counts, kept up to date. */
export function useCampaignData() {
  const { db } = useLibrary();
  const campaigns = useLiveQuery(() => db.campaigns.orderBy('createdAt').reverse().toArray(), []);
  const bookings = useLiveQuery(() => db.bookings.toArray(), []);
  const observations = useLiveQuery(() => db.postObservations.toArray(), []);
  return { campaigns, bookings, latest: observations ? latestByPost(observations) : null };
}
