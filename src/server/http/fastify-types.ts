import type { Lang } from '../../contracts/i18n/lang';
import type { AppModule } from '../../contracts/patient-app';
import type { AppDeps } from '../context';
import type { Access, PatientAuth, StaffAuth } from './access';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A request the person did not make themselves (polling, live updates): it does not delay the lock. */
    background?: boolean;
    /** A patient-app route of this module (SET-8): refused with 403 MODULE_DISABLED when it is off. */
    module?: AppModule;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    lang: Lang;
    staffAuth: StaffAuth | null;
    patientAuth: PatientAuth | null;
  }
}
