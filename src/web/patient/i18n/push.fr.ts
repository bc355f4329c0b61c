/** Strings of the patient app's notifications (Web Push permission, notices), in French. */
export const pushFr = {} as const;
