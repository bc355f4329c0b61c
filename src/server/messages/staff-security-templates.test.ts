import { describe, expect, it } from 'vitest';
import { signInAttackEmail } from './staff-security-templates';

describe('the email telling admins an account is under attack', () => {
  it('is in French by default, names the account and the practice once, and says nobody is locked out', () => {
    const mail = signInAttackEmail('fr', {
      practice: 'Cabinet dentaire des Tilleuls',
      email: 'nadia@test.example',
    });
    expect(mail.subject).toBe('Sourire : tentatives de connexion répétées sur nadia@test.example');
    expect(mail.text).toContain(
      'Le compte nadia@test.example de la console du Cabinet dentaire des Tilleuls a reçu de nombreux mots de passe erronés',
    );
    expect(mail.text).toContain('la personne peut toujours se connecter');
    expect(mail.text).not.toMatch(/account|password/i);
  });

  it('is in English for an English-speaking practice, with no French in it', () => {
    const mail = signInAttackEmail('en', { practice: 'Smile Clinic', email: 'nadia@test.example' });
    expect(mail.subject).toBe('Sourire: repeated sign-in attempts on nadia@test.example');
    expect(mail.text).toContain('The account nadia@test.example of the staff console of Smile Clinic');
    expect(mail.text).toContain('its owner can still sign in');
    expect(mail.text).not.toMatch(/compte|mot de passe|Bonjour/);
  });
});
