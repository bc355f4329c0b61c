import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoSlug } from '../../demo/demo-data';
import { secureLinkCodeSms, signatureCodeSms } from '../../messages/document-templates';
import { signInCodeSms } from '../../messages/templates';
import { maskCodes, maskSecrets, outboxShowsCodes } from './outbox-codes';

describe('demo mode of the outbox', () => {
  it('shows codes in tests, in development on a local server, else only for the demo practice with DEMO=true', () => {
    const local = { host: 'localhost', publicUrl: 'http://localhost:3000' };
    const open = { host: '0.0.0.0', publicUrl: 'https://cabinet.example' };
    const cases = [
      ['test', 'auto', open, 'cabinet-x', true],
      ['test', 'always', open, 'cabinet-x', true],
      ['test', 'never', local, demoSlug, false],
      ['development', 'auto', local, 'cabinet-x', true],
      ['development', 'never', local, 'cabinet-x', false],
      // reachable by others, NODE_ENV forgotten: hidden, but for a showroom's demo practice
      ['development', 'auto', open, demoSlug, false],
      ['development', 'auto', open, 'cabinet-x', false],
      ['development', 'always', open, demoSlug, true],
      ['development', 'always', open, 'cabinet-x', false],
      [
        'development',
        'auto',
        { host: 'localhost', publicUrl: 'https://cabinet.example' },
        'cabinet-x',
        false,
      ],
      ['production', 'auto', local, demoSlug, false],
      ['production', 'auto', open, 'cabinet-x', false],
      ['production', 'never', open, demoSlug, false],
      ['production', 'always', open, 'cabinet-x', false],
      ['production', 'always', open, demoSlug, true],
    ] as const;
    for (const [env, demo, server, slug, shown] of cases) {
      expect(outboxShowsCodes({ env, demo, ...server }, slug), `${env} ${demo} ${server.host} ${slug}`).toBe(
        shown,
      );
    }
  });
});

describe('maskCodes', () => {
  const code = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
  const practice = fc.constantFrom('Cabinet des Tilleuls', 'Dr Martin', 'Centre dentaire 2000');
  const templates = [signInCodeSms, signatureCodeSms, secureLinkCodeSms];

  it('leaves no code of any code message, in either language, and says it is hidden', () => {
    fc.assert(
      fc.property(
        code,
        practice,
        fc.constantFrom('fr', 'en') as fc.Arbitrary<'fr' | 'en'>,
        (value, name, lang) => {
          for (const template of templates) {
            const masked = maskCodes(template(lang, { practice: name, code: value }), lang);
            expect(masked).not.toContain(value);
            expect(masked).toContain(lang === 'en' ? '[code hidden]' : '[code masqué]');
          }
        },
      ),
    );
  });

  it('keeps the rest of the text', () => {
    expect(maskCodes('Cabinet : votre code est 012345. Valable 10 minutes.', 'fr')).toBe(
      'Cabinet : votre code est [code masqué]. Valable 10 minutes.',
    );
    expect(maskCodes('Rendez-vous le 03/05/2027 à 14:30, 1234567', 'en')).toBe(
      'Rendez-vous le 03/05/2027 à 14:30, 1234567',
    );
  });
});

describe('maskSecrets', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
  const links = [
    (t: string) => `https://cabinet.example/console/invitation#${t}`,
    (t: string) => `https://cabinet.example/console/reset#${t}`,
    (t: string) => `https://cabinet.example/console/setup#${t}`,
    (t: string) => `https://cabinet.example/rdv/gerer/0c6f1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f.${t}`,
    (t: string) => `https://cabinet.example/rdv/offre/${t}`,
    (t: string) => `https://cabinet.example/rdv/document/${t}`,
    (t: string) => `https://cabinet.example/api/feeds/${t}.ics`,
  ];

  it('hides the token of every link that acts for someone, and keeps where it leads', () => {
    fc.assert(
      fc.property(token, fc.constantFrom('fr', 'en') as fc.Arbitrary<'fr' | 'en'>, (value, lang) => {
        for (const link of links) {
          const masked = maskSecrets(`Bonjour, ouvrez ${link(value)} pour continuer.`, lang);
          expect(masked).not.toContain(value);
          expect(masked).toContain(lang === 'en' ? '[link hidden]' : '[lien masqué]');
          expect(masked).toMatch(/^Bonjour, ouvrez https:\/\/cabinet\.example\//);
          expect(masked).toMatch(/ pour continuer\.$/);
        }
      }),
    );
  });

  it('leaves ordinary links alone and still hides codes', () => {
    expect(maskSecrets('Réservez sur https://cabinet.example/rdv/tilleuls, code 123456', 'fr')).toBe(
      'Réservez sur https://cabinet.example/rdv/tilleuls, code [code masqué]',
    );
    expect(maskSecrets('Open https://cabinet.example/app/messagerie/x', 'en')).toBe(
      'Open https://cabinet.example/app/messagerie/x',
    );
  });
});
