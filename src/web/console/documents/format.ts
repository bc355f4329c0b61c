import type { Visibility } from '../../../contracts/documents';

export const audiences = [
  'patient',
  'responsables',
  'correspondents',
] as const satisfies readonly (keyof Visibility)[];

/** The audiences a visibility opens to, in a fixed order. */
export function audiencesOf(visibility: Visibility): (keyof Visibility)[] {
  return audiences.filter((audience) => visibility[audience]);
}

/** A file's size the way people read it: 820 Ko, 1,4 Mo (units translated by the caller). */
export function sizeParts(bytes: number): { value: number; unit: 'kb' | 'mb' } {
  if (bytes < 1024 * 1024) return { value: Math.max(1, Math.round(bytes / 1024)), unit: 'kb' };
  return { value: Math.round((bytes / (1024 * 1024)) * 10) / 10, unit: 'mb' };
}

/** A file name without its extension, as a first guess of the title. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[_]+/g, ' ')
    .trim()
    .slice(0, 200);
}
