import { count, sql } from 'drizzle-orm';
import type { FirstAdminInput } from '../../../contracts/setup';
import { type AppDeps, makeCtx } from '../../context';
import { practices, staff } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';

/** The practice's URL name from its name: `Cabinet des Tilleuls` → `cabinet-des-tilleuls`. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'cabinet';
}

/** The practice and its administrator; the password already hashed (`hashPassword`), outside the lock. */
export type NewFirstPractice = Omit<FirstAdminInput, 'token' | 'password'> & { passwordHash: string };

/**
 * Creates the first practice and its administrator, only while the database has no practice at all.
 * The practices table is locked for the transaction, so two attempts at once (two tabs, a link used
 * twice, the command line and the page) serialise and exactly one creates anything; the others get
 * null. Used by the setup page and by `npm run admin:create`.
 * @public
 */
export async function createFirstPractice(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: NewFirstPractice,
  origin: { requestId?: string; ip?: string | null } = {},
): Promise<{ practiceId: string; staffId: string } | null> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${practices} in exclusive mode`);
    const [existing] = await tx.select({ n: count() }).from(practices);
    if ((existing?.n ?? 0) > 0) return null;
    const [practice] = await tx
      .insert(practices)
      .values({
        slug: slugFromName(input.practiceName),
        name: input.practiceName,
        country: input.country,
        timeZone: input.timeZone,
        createdAt: now,
      })
      .returning({ id: practices.id });
    if (!practice) throw new Error('practice not created');
    const [admin] = await tx
      .insert(staff)
      .values({
        practiceId: practice.id,
        email: input.email,
        passwordHash: input.passwordHash,
        role: 'admin',
        firstName: input.firstName,
        lastName: input.lastName,
        createdAt: now,
      })
      .returning({ id: staff.id });
    if (!admin) throw new Error('administrator not created');
    await recordAudit(
      // the audit row needs only the transaction, the clock and the actor: the command line has no full deps
      makeCtx(deps as AppDeps, {
        db: tx,
        practiceId: practice.id,
        actor: { kind: 'staff', staffId: admin.id, role: 'admin' },
        requestId: origin.requestId ?? 'setup',
        ip: origin.ip ?? null,
      }),
      [
        { action: 'practice.create', entity: 'practice', entityId: practice.id },
        { action: 'staff.create', entity: 'staff', entityId: admin.id, details: { role: 'admin' } },
      ],
    );
    return { practiceId: practice.id, staffId: admin.id };
  });
}

/**
 * True once a practice exists: the first-administrator link is then of no use.
 * @public
 */
export async function setupDone(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(practices);
  return (row?.n ?? 0) > 0;
}
