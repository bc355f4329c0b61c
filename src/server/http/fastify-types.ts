import type { Lang } from '../../contracts/i18n/lang';
import type { AppDeps } from '../context';
import type { Access, PatientAuth, StaffAuth } from './access';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A request the person did not make themselves (polling, live updates): it does not delay the lock. */
    background?: boolean;
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
