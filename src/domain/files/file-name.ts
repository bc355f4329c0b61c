import { type AcceptedContentType, extensionOf } from './content-type';

const maxNameLength = 120;

/**
 * The name a stored file is shown and downloaded under, from the name the sender's device gave: no
 * folders, no control or reserved characters, at most 120 characters, and the extension of the type
 * detected from its content (a JPEG sent as `photo.exe` is kept as `photo.jpg`; the name never decides
 * what a file is).
 */
export function storedFileName(given: string | undefined, contentType: AcceptedContentType): string {
  const extension = extensionOf[contentType];
  const base = (given ?? '')
    .split(/[\\/]/)
    .pop()!
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  const kept = [...stem].slice(0, maxNameLength - extension.length - 1).join('');
  const sameExtension = extension === 'jpg' ? /^jpe?g$/i : new RegExp(`^${extension}$`, 'i');
  const givenExtension = dot > 0 ? base.slice(dot + 1) : '';
  const suffix = sameExtension.test(givenExtension) ? givenExtension : extension;
  return `${kept || 'fichier'}.${suffix}`;
}
