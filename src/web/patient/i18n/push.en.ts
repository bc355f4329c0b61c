import type { pushFr } from './push.fr';

export const pushEn: Record<keyof typeof pushFr, string> = {};
