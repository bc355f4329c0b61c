import { eq } from 'drizzle-orm';
import { type AppModule, type AppModules, defaultAppModules } from '../../../contracts/patient-app';
import type { Db } from '../../db/client';
import { practiceAppSettings } from '../../db/schema';

/**
 * The practice's switches of the patient app (SET-8): what it saved, or the defaults.
 * @public
 */
export async function getAppModules(db: Db, practiceId: string): Promise<AppModules> {
  const [row] = await db
    .select({ modules: practiceAppSettings.modules })
    .from(practiceAppSettings)
    .where(eq(practiceAppSettings.practiceId, practiceId));
  return withDefaults(row?.modules);
}

/**
 * Whether a module of the patient app is on for a practice (the guard's check).
 * @public
 */
export async function isModuleOn(db: Db, practiceId: string, module: AppModule): Promise<boolean> {
  return (await getAppModules(db, practiceId))[module].enabled;
}

/** Saved switches completed with the defaults, so a module added later starts as its default. */
function withDefaults(saved: Partial<AppModules> | undefined): AppModules {
  if (!saved) return defaultAppModules;
  return {
    appointments: { ...defaultAppModules.appointments, ...saved.appointments },
    messaging: { ...defaultAppModules.messaging, ...saved.messaging },
    imaging: { ...defaultAppModules.imaging, ...saved.imaging },
    payments: { ...defaultAppModules.payments, ...saved.payments },
    documents: { ...defaultAppModules.documents, ...saved.documents },
    questionnaires: { ...defaultAppModules.questionnaires, ...saved.questionnaires },
  };
}
