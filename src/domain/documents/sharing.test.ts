import { describe, expect, it } from 'vitest';
import { type DocumentSettings, defaultDocumentSettings } from '../../contracts/documents';
import { isMinor, reachesApp, type ShareableDocument, visibleTo } from './sharing';

const quote: ShareableDocument = {
  type: 'quote',
  requiresSignature: false,
  letterToProfessional: false,
  visibility: null,
};
const patientOnly = { patient: true, responsables: false, correspondents: false };
const responsablesOnly = { patient: false, responsables: true, correspondents: false };
const self = { ownPhone: true, responsable: false };
const parent = { ownPhone: false, responsable: true };

describe('document sharing rules', () => {
  it('follows the type default unless the document overrides it', () => {
    const settings: DocumentSettings = {
      ...defaultDocumentSettings,
      types: { ...defaultDocumentSettings.types, quote: patientOnly },
    };
    expect(visibleTo(quote, settings, self)).toBe(true);
    expect(visibleTo(quote, settings, parent)).toBe(false);
    const overridden = { ...quote, visibility: responsablesOnly };
    expect(visibleTo(overridden, settings, self)).toBe(false);
    expect(visibleTo(overridden, settings, parent)).toBe(true);
  });

  it('a household phone that is both reads with either right', () => {
    const both = { ownPhone: true, responsable: true };
    expect(visibleTo({ ...quote, visibility: responsablesOnly }, defaultDocumentSettings, both)).toBe(true);
  });

  it('does not share external scans by default', () => {
    expect(reachesApp({ ...quote, type: 'external_scanned' }, defaultDocumentSettings)).toBe(false);
  });

  it('"share only signed" keeps documents without a signature in the practice, not those to sign', () => {
    const settings = { ...defaultDocumentSettings, shareOnlySigned: true };
    expect(reachesApp(quote, settings)).toBe(false);
    expect(reachesApp({ ...quote, requiresSignature: true }, settings)).toBe(true);
  });

  it('excludes letters to other professionals when the practice says so', () => {
    const letter = { ...quote, type: 'letter' as const, letterToProfessional: true };
    expect(reachesApp(letter, defaultDocumentSettings)).toBe(false);
    expect(reachesApp(letter, { ...defaultDocumentSettings, excludeLettersToProfessionals: false })).toBe(
      true,
    );
    expect(reachesApp({ ...letter, letterToProfessional: false }, defaultDocumentSettings)).toBe(true);
  });
});

describe('isMinor', () => {
  it('turns 18 on the anniversary', () => {
    expect(isMinor('2008-06-15', '2026-06-14')).toBe(true);
    expect(isMinor('2008-06-15', '2026-06-15')).toBe(false);
  });

  it('born on 29 February: adult on 1 March of a common year', () => {
    expect(isMinor('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinor('2008-02-29', '2026-03-01')).toBe(false);
  });
});
