import { and, eq, inArray } from 'drizzle-orm';
import type { PatientThread, PatientThreadList } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messageThreads } from '../../db/schema';
import { appFamily } from '../patient-app/app-family';
import { lastMessageOf, threadSummaryColumns } from './message-views';

/**
 * The family's threads in the app (MSG-1): one per family member, written in or not, with the newest
 * message and the practice's messages not opened yet. One query for every thread of the family.
 */
export async function listPatientThreads(ctx: Ctx): Promise<PatientThreadList> {
  const family = await appFamily(ctx);
  const ids = family.map((member) => member.id);
  const threads =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            id: messageThreads.id,
            patientId: messageThreads.patientId,
            lastMessageAt: messageThreads.lastMessageAt,
            ...threadSummaryColumns('patient'),
          })
          .from(messageThreads)
          .where(and(eq(messageThreads.practiceId, ctx.practiceId), inArray(messageThreads.patientId, ids)));
  const byPatient = new Map(threads.map((thread) => [thread.patientId, thread]));
  const items: PatientThread[] = family.map((member) => {
    const thread = byPatient.get(member.id);
    return {
      patientId: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      threadId: thread?.id ?? null,
      lastMessage: thread ? lastMessageOf(thread) : null,
      unreadCount: thread?.unreadCount ?? 0,
    };
  });
  // the latest conversations first; members nobody wrote to keep the family's order (eldest first)
  const at = (item: PatientThread) => (item.lastMessage ? Date.parse(item.lastMessage.createdAt) : 0);
  items.sort((a, b) => at(b) - at(a));
  return { items };
}
