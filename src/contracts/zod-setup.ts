import { z } from 'zod';
import type { ValidationKey } from './i18n/messages';

/**
 * Makes every built-in Zod issue carry one of our `ValidationKey`s as its message, so the server can
 * answer in the caller's language. Schemas that set their own `error` keep it (it must be a key too).
 */
export function installZodMessageKeys(): void {
  z.config({
    customError: (issue): ValidationKey => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined || issue.input === null ? 'required' : 'invalid_type';
        case 'too_small':
          if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
          return 'too_small';
        case 'too_big':
          return issue.origin === 'string' ? 'too_long' : 'too_big';
        case 'invalid_format':
          if (issue.format === 'email') return 'email';
          if (issue.format === 'uuid') return 'uuid';
          if (issue.format === 'date') return 'date';
          return 'invalid_format';
        case 'invalid_value':
          return 'invalid_choice';
        case 'unrecognized_keys':
          return 'unknown_field';
        default:
          return 'invalid_type';
      }
    },
  });
}
