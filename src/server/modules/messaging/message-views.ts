import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Attachment, Message } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messageAttachments, messages, messageThreads, patients, staff } from '../../db/schema';
import { keysetCursor } from '../cursor';

/** Characters of a message shown in a list of threads. */
const previewLength = 140;

export interface MessageRow {
  id: string;
  threadId: string;
  authorKind: 'patient' | 'staff';
  body: string;
  createdAt: Date;
  readByPatientAt: Date | null;
  readByStaffAt: Date | null;
  authorPatientFirst: string | null;
  authorPatientLast: string | null;
  authorStaffTitle: string | null;
  authorStaffFirst: string | null;
  authorStaffLast: string | null;
}

function authorName(row: MessageRow): string {
  if (row.authorKind === 'patient') {
    return [row.authorPatientFirst, row.authorPatientLast].filter(Boolean).join(' ');
  }
  return [row.authorStaffTitle, row.authorStaffFirst, row.authorStaffLast].filter(Boolean).join(' ');
}

/**
 * Messages with their authors' names and their attachments: two queries whatever the page size (the
 * messages with both possible authors joined, then every attachment of the page).
 */
export async function messagesWithAttachments(
  ctx: Ctx,
  patientId: string,
  rows: MessageRow[],
  side: 'patient' | 'staff',
): Promise<Message[]> {
  const ids = rows.map((row) => row.id);
  const files =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(messageAttachments)
          .where(
            and(
              eq(messageAttachments.practiceId, ctx.practiceId),
              inArray(messageAttachments.messageId, ids),
            ),
          )
          .orderBy(asc(messageAttachments.createdAt), asc(messageAttachments.id));
  const byMessage = new Map<string, Attachment[]>();
  for (const file of files) {
    const list = byMessage.get(file.messageId) ?? [];
    list.push({
      id: file.id,
      name: file.name,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      filedAt: side === 'staff' ? (file.filedAt?.toISOString() ?? null) : null,
      filedDocumentId: side === 'staff' ? file.filedDocumentId : null,
    });
    byMessage.set(file.messageId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    threadId: row.threadId,
    patientId,
    authorKind: row.authorKind,
    authorName: authorName(row),
    body: row.body,
    attachments: byMessage.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    readByPatientAt: row.readByPatientAt?.toISOString() ?? null,
    readByStaffAt: row.readByStaffAt?.toISOString() ?? null,
  }));
}

const messageColumns = {
  id: messages.id,
  threadId: messages.threadId,
  authorKind: messages.authorKind,
  body: messages.body,
  createdAt: messages.createdAt,
  readByPatientAt: messages.readByPatientAt,
  readByStaffAt: messages.readByStaffAt,
  authorPatientFirst: patients.firstName,
  authorPatientLast: patients.lastName,
  authorStaffTitle: staff.title,
  authorStaffFirst: staff.firstName,
  authorStaffLast: staff.lastName,
};

/** Message rows matching `where`, with their authors, newest first. */
export function selectMessageRows(ctx: Ctx, where: SQL | undefined, limit: number): Promise<MessageRow[]> {
  return ctx.db
    .select(messageColumns)
    .from(messages)
    .leftJoin(patients, eq(patients.id, messages.authorPatientId))
    .leftJoin(staff, eq(staff.id, messages.authorStaffId))
    .where(and(eq(messages.practiceId, ctx.practiceId), where))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

/**
 * A page of a thread, newest first, keyset-paginated on (created at, id): `nextCursor` gives the older
 * messages. No thread yet: an empty page.
 */
export async function threadPage(
  ctx: Ctx,
  thread: { id: string; patientId: string } | null,
  page: { limit: number; cursor?: string | undefined },
  side: 'patient' | 'staff',
): Promise<{ items: Message[]; nextCursor: string | null }> {
  if (!thread) {
    keysetCursor.decode(page.cursor); // a bad cursor is refused even on an empty thread
    return { items: [], nextCursor: null };
  }
  const cursor = keysetCursor.decode(page.cursor);
  const rows = await selectMessageRows(
    ctx,
    and(
      eq(messages.threadId, thread.id),
      cursor ? sql`(${messages.createdAt}, ${messages.id}) < (${cursor.at}, ${cursor.id}::uuid)` : undefined,
    ),
    page.limit + 1,
  );
  const pageRows = rows.slice(0, page.limit);
  return {
    items: await messagesWithAttachments(ctx, thread.patientId, pageRows, side),
    nextCursor: keysetCursor.next(rows, page.limit, (last) => ({ at: last.createdAt, id: last.id })),
  };
}

/** The thread of a patient, if anyone wrote in it yet. */
export async function findThread(
  ctx: Ctx,
  patientId: string,
): Promise<{ id: string; patientId: string } | null> {
  const [thread] = await ctx.db
    .select({ id: messageThreads.id, patientId: messageThreads.patientId })
    .from(messageThreads)
    .where(and(eq(messageThreads.practiceId, ctx.practiceId), eq(messageThreads.patientId, patientId)));
  return thread ?? null;
}

/**
 * The outer query's thread id, always qualified: Drizzle leaves columns unqualified in a query on a single
 * table, where `id` inside the subquery would mean the message's own id.
 */
const threadIdOfOuterRow = sql.raw('"message_threads"."id"');

/**
 * Columns of a thread's summary, as correlated subqueries on the thread page's own rows (each one an
 * index lookup: `messages_thread_page_idx`, or the partial indexes of unread messages).
 */
export function threadSummaryColumns(unreadOf: 'patient' | 'staff') {
  const lastMessage = (column: SQL) =>
    sql`(select ${column} from ${messages} m where m.thread_id = ${threadIdOfOuterRow}
      order by m.created_at desc, m.id desc limit 1)`;
  const unread =
    unreadOf === 'staff'
      ? sql<number>`(select count(*) from ${messages} m where m.thread_id = ${threadIdOfOuterRow}
          and m.author_kind = 'patient' and m.read_by_staff_at is null)`
      : sql<number>`(select count(*) from ${messages} m where m.thread_id = ${threadIdOfOuterRow}
          and m.author_kind = 'staff' and m.read_by_patient_at is null)`;
  return {
    lastBody: lastMessage(sql`left(m.body, ${previewLength})`).mapWith(String),
    lastAuthorKind: lastMessage(sql`m.author_kind`).mapWith(String),
    lastAttachmentCount: lastMessage(
      sql`(select count(*) from ${messageAttachments} a where a.message_id = m.id)`,
    ).mapWith(Number),
    unreadCount: unread.mapWith(Number),
  };
}

export function lastMessageOf(row: {
  lastBody: string | null;
  lastAuthorKind: string | null;
  lastAttachmentCount: number | null;
  lastMessageAt: Date;
}) {
  return {
    preview: row.lastBody ?? '',
    authorKind: row.lastAuthorKind === 'staff' ? ('staff' as const) : ('patient' as const),
    attachmentCount: row.lastAttachmentCount ?? 0,
    createdAt: row.lastMessageAt.toISOString(),
  };
}
