import type { StaffMe } from '../../../contracts/staff-auth';
import { FeedsAdminPanel } from './feeds-admin-panel';
import { MyFeedPanel } from './my-feed-panel';
import '../settings/settings.css';
import './feeds.css';

/**
 * A practitioner's private calendar URL (their planning on their phone); for an admin, everyone's, with
 * a way to revoke them and the practice's choice of what they show. The front desk has none.
 */
export function CalendarFeedCard({ me }: { me: StaffMe }) {
  if (me.role === 'practitioner') return <MyFeedPanel me={me} />;
  if (me.role === 'admin') return <FeedsAdminPanel me={me} />;
  return null;
}
