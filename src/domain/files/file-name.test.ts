import { describe, expect, it } from 'vitest';
import { storedFileName } from './file-name';

describe('storedFileName', () => {
  it('keeps an ordinary name and its matching extension', () => {
    expect(storedFileName('Radio Léa.JPEG', 'image/jpeg')).toBe('Radio Léa.JPEG');
    expect(storedFileName('devis.pdf', 'application/pdf')).toBe('devis.pdf');
  });

  it('gives the extension of the detected type, never the one the sender chose', () => {
    expect(storedFileName('photo.exe', 'image/jpeg')).toBe('photo.jpg');
    expect(storedFileName('scan', 'application/pdf')).toBe('scan.pdf');
    expect(storedFileName('IMG_0001.HEIC', 'image/heic')).toBe('IMG_0001.HEIC');
  });

  it('drops folders, control and reserved characters, leading dots', () => {
    expect(storedFileName('C:\\Users\\léa\\..\\dents.png', 'image/png')).toBe('dents.png');
    expect(storedFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(storedFileName('a\u0000b\nc<d>.png', 'image/png')).toBe('abcd.png');
    expect(storedFileName('.htaccess', 'image/png')).toBe('htaccess.png');
  });

  it('names a file without a usable name, and shortens long names', () => {
    expect(storedFileName(undefined, 'image/png')).toBe('fichier.png');
    expect(storedFileName('   ', 'image/webp')).toBe('fichier.webp');
    const long = storedFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('é.pdf')).toBe(true);
  });
});
