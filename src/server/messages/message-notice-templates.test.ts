import { describe, expect, it } from 'vitest';
import { messageNotice } from './message-notice-templates';

describe('the "new message" notice', () => {
  it('names the practice, links the thread, and elides "de" before a vowel', () => {
    const url = 'https://rdv.example/app/messagerie/p1';
    expect(messageNotice('fr', { practice: 'Cabinet des Tilleuls', url }).sms).toBe(
      `Vous avez un nouveau message de Cabinet des Tilleuls. Lisez-le dans l’application : ${url}`,
    );
    expect(messageNotice('fr', { practice: 'Espace dentaire Nord', url }).push.body).toBe(
      'Vous avez un nouveau message d’Espace dentaire Nord',
    );
    expect(messageNotice('en', { practice: 'Espace dentaire Nord', url }).subject).toBe(
      'New message from Espace dentaire Nord',
    );
  });
});
