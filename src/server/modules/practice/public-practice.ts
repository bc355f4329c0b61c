import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PracticeSummary, PublicPractice } from '../../../contracts/practice';
import type { Db } from '../../db/client';
import { locations, practices } from '../../db/schema';
import { findPracticeBySlug, type Practice } from './find-practice';

/**
 * A map link for an address (OpenStreetMap: no tracking, works on every phone).
 * @public
 */
export function mapLinkFor(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/**
 * The public face of a practice: details, opening hours, active locations.
 * @public
 */
export async function getPublicPractice(db: Db, slug: string): Promise<PublicPractice> {
  return publicPracticeOf(db, await findPracticeBySlug(db, slug));
}

/**
 * The public face of a practice already loaded (its locations are read).
 * @public
 */
export async function publicPracticeOf(db: Db, practice: Practice): Promise<PublicPractice> {
  const sites = await db
    .select()
    .from(locations)
    .where(and(eq(locations.practiceId, practice.id), isNull(locations.archivedAt)))
    .orderBy(asc(locations.name));
  const address = [practice.addressLine, practice.postalCode, practice.city].filter(Boolean).join(' ');
  return {
    id: practice.id,
    slug: practice.slug,
    name: practice.name,
    phone: practice.phone,
    email: practice.email,
    addressLine: practice.addressLine,
    postalCode: practice.postalCode,
    city: practice.city,
    country: practice.country,
    mapUrl: practice.mapUrl ?? (address ? mapLinkFor(address) : null),
    timeZone: practice.timeZone,
    openingHours: practice.openingHours,
    locations: sites.map((site) => ({
      id: site.id,
      name: site.name,
      addressLine: site.addressLine,
      postalCode: site.postalCode,
      city: site.city,
      phone: site.phone,
      mapUrl: site.mapUrl ?? mapLinkFor(`${site.addressLine} ${site.postalCode} ${site.city}`),
    })),
  };
}

/** The practices this server hosts, for the patient app's first screen when there are several. */
export async function listPractices(db: Db): Promise<PracticeSummary[]> {
  return db
    .select({ slug: practices.slug, name: practices.name, city: practices.city })
    .from(practices)
    .orderBy(asc(practices.name))
    .limit(500);
}
