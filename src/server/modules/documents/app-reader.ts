import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DocumentSettings } from '../../../contracts/documents';
import type { AppModules } from '../../../contracts/patient-app';
import { isMinor, visibleTo } from '../../../domain/documents/sharing';
import type { Ctx } from '../../context';
import { patientRelations } from '../../db/schema';
import { getAppModules } from '../app-modules/app-modules';
import { appFamily, sessionPhone } from '../patient-app/app-family';
import type { FamilyPatient } from '../patients/family';
import { findPracticeById, type Practice } from '../practice/find-practice';
import { getDocumentSettings } from './document-settings';
import type { DocumentRow } from './document-view';

/**
 * Who reads the app's documents: the signed-in phone, its family (minus opted-out files), the files
 * whose own mobile it is and, for each dependant, the family files through which the phone is their
 * responsable; with the practice's sharing rules and module options. Built once per request in a
 * fixed number of queries, whatever the family size.
 * @public
 */
export interface AppReader {
  phone: string;
  practice: Practice;
  family: Map<string, FamilyPatient>;
  /** patient id → the phone's holders who are that patient's responsables */
  responsablesOnPhone: Map<string, FamilyPatient[]>;
  settings: DocumentSettings;
  modules: AppModules;
  today: string;
}

/** @public */
export async function appReader(ctx: Ctx): Promise<AppReader> {
  const { phone } = sessionPhone(ctx);
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const members = await appFamily(ctx);
  const family = new Map(members.map((member) => [member.id, member]));
  const holderIds = members.filter((member) => member.mobilePhone === phone).map((member) => member.id);
  const relations =
    holderIds.length === 0
      ? []
      : await ctx.db
          .select({ patientId: patientRelations.patientId, responsableId: patientRelations.responsableId })
          .from(patientRelations)
          .where(
            and(
              eq(patientRelations.practiceId, ctx.practiceId),
              inArray(patientRelations.responsableId, holderIds),
            ),
          );
  const responsablesOnPhone = new Map<string, FamilyPatient[]>();
  for (const relation of relations) {
    const responsable = family.get(relation.responsableId);
    if (!responsable) continue;
    responsablesOnPhone.set(relation.patientId, [
      ...(responsablesOnPhone.get(relation.patientId) ?? []),
      responsable,
    ]);
  }
  return {
    phone,
    practice,
    family,
    responsablesOnPhone,
    settings: await getDocumentSettings(ctx.db, ctx.practiceId),
    modules: await getAppModules(ctx.db, ctx.practiceId),
    today: Temporal.Instant.fromEpochMilliseconds(ctx.now.getTime())
      .toZonedDateTimeISO(practice.timeZone)
      .toPlainDate()
      .toString(),
  };
}

/**
 * Whether the phone sees this document in the app: a family member's, shared with the phone's
 * relation to them (DOC-2). The "minors" switch of the documents module (SET-8) is about a minor's own
 * access: when off, a minor's own phone does not see their documents, while their responsables (parents,
 * guarantor) read and sign them as the sharing rules say.
 * @public
 */
export function canRead(reader: AppReader, document: DocumentRow): boolean {
  const owner = reader.family.get(document.patientId);
  if (!owner) return false;
  const responsable = reader.responsablesOnPhone.has(owner.id);
  const ownAccessAllowed = reader.modules.documents.minors || !isMinor(owner.birthDate, reader.today);
  return visibleTo(document, reader.settings, {
    ownPhone: ownAccessAllowed && owner.mobilePhone === reader.phone,
    responsable,
  });
}

export interface Signer {
  patient: FamilyPatient;
  role: 'patient' | 'responsable';
  forPatient: FamilyPatient;
}

/**
 * Who signs a readable document with this phone (DOC-3): an adult patient with their own phone, or
 * for a minor, a responsable whose phone it is. Null: this phone may read but not sign.
 */
export function signerFor(reader: AppReader, document: DocumentRow): Signer | null {
  const owner = reader.family.get(document.patientId);
  if (!owner) return null;
  if (isMinor(owner.birthDate, reader.today)) {
    const responsable = reader.responsablesOnPhone.get(owner.id)?.[0];
    return responsable ? { patient: responsable, role: 'responsable', forPatient: owner } : null;
  }
  return owner.mobilePhone === reader.phone ? { patient: owner, role: 'patient', forPatient: owner } : null;
}
