import { describe, expect, it } from 'vitest';
import { messageNotice } from './message-notice-templates';

const url = 'https://rdv.example/app/messagerie/4f2b6c1e-8a3d-4e5f-9b7c-2d1a0e6f3b8c';

describe('the "new message" notice', () => {
  it('names the practice once in French, with the article its name calls for', () => {
    const tilleuls = messageNotice('fr', { practice: 'Cabinet dentaire des Tilleuls', url });
    expect(tilleuls.sms).toBe(
      `Nouveau message du Cabinet dentaire des Tilleuls. Lisez-le dans l’application : ${url}`,
    );
    expect(tilleuls.subject).toBe('Nouveau message du Cabinet dentaire des Tilleuls');
    expect(tilleuls.text).toContain('Vous avez un nouveau message du Cabinet dentaire des Tilleuls.\n');
    expect(tilleuls.push).toEqual({
      title: 'Cabinet dentaire des Tilleuls',
      body: 'Vous avez un nouveau message du Cabinet dentaire des Tilleuls',
    });
    expect(messageNotice('fr', { practice: 'Espace dentaire Nord', url }).push.body).toBe(
      'Vous avez un nouveau message de l’Espace dentaire Nord',
    );
    expect(messageNotice('fr', { practice: 'Dr Martin', url }).subject).toBe(
      'Nouveau message du cabinet du Dr Martin',
    );
    expect(messageNotice('fr', { practice: 'Sourire', url }).sms).toBe(
      `Nouveau message du cabinet Sourire. Lisez-le dans l’application : ${url}`,
    );
  });

  it('keeps the SMS within 160 characters with a long name and a full link', () => {
    const sms = messageNotice('fr', { practice: 'Centre dentaire de la Croix-Rousse', url }).sms;
    expect(sms).toContain('du Centre dentaire de la Croix-Rousse');
    expect(sms.length).toBeLessThanOrEqual(160);
  });

  it('says "from" the practice in English', () => {
    expect(messageNotice('en', { practice: 'Espace dentaire Nord', url }).subject).toBe(
      'New message from Espace dentaire Nord',
    );
  });
});
