import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { isValidationKey, validationMessage } from '../../contracts/i18n/messages';
import { firstAdminBody } from '../../contracts/setup';
import { ConfigError, loadConfig } from '../config';
import { systemClock } from '../context';
import { openDatabase } from '../db/client';
import { privateUmask, secureDataDir } from '../files/secure-data-dir';
import { hashPassword } from '../modules/auth/passwords';
import { createFirstPractice, setupDone } from '../modules/setup/create-first-practice';
import { forgetSetupLink, issueSetupLink } from '../modules/setup/setup-link';

/*
 * `npm run admin:create`: the first practice and its administrator from the command line, for a server
 * whose start-up link was lost or expired. With every answer given (flags, prompts on a terminal, or the
 * password on standard input) it creates them; otherwise it prints a new one-time link. Once a practice
 * exists it only says so: later staff are invited from the console. With the embedded database, stop
 * the server first (PGlite allows one process), or use the printed link while it runs.
 */

const usage = `Usage: npm run admin:create -- [--practice "Cabinet du Lac"] [--country FR|CH] [--time-zone Europe/Paris]
       [--first-name Anne] [--last-name Keller] [--email anne@cabinet.example]
The password is asked (hidden) on a terminal, or read from the first line of standard input.
Without the answers, prints a new one-time link to finish in the browser.`;

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      practice: { type: 'string' },
      country: { type: 'string' },
      'time-zone': { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  process.umask(privateUmask);
  const config = loadConfig();
  await secureDataDir(config.dataDir);
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const deps = { db: database.db, clock: systemClock };
    if (await setupDone(deps)) {
      await forgetSetupLink(config.dataDir);
      process.stdout.write(
        `The setup is done: a practice exists. Sign in at ${config.publicUrl}/console; invite staff from Console › Équipe.\n`,
      );
      return 0;
    }
    const terminal = process.stdin.isTTY === true;
    const answers: Record<string, string | undefined> = {
      practiceName: values.practice,
      country: values.country?.toUpperCase(),
      timeZone: values['time-zone'],
      firstName: values['first-name'],
      lastName: values['last-name'],
      email: values.email,
    };
    if (terminal) {
      const prompts = createInterface({ input: process.stdin, output: process.stdout });
      const ask = async (key: string, question: string, fallback?: string) => {
        if (answers[key]) return;
        const given = (await prompts.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
        answers[key] = given || fallback;
      };
      await ask('practiceName', 'Practice name');
      await ask('country', 'Country (FR or CH)', 'FR');
      answers.country = answers.country?.toUpperCase();
      await ask('timeZone', 'Time zone', answers.country === 'CH' ? 'Europe/Zurich' : 'Europe/Paris');
      await ask('firstName', 'Administrator’s first name');
      await ask('lastName', 'Administrator’s last name');
      await ask('email', 'Administrator’s email (the sign-in name)');
      prompts.close();
    } else {
      answers.timeZone ??= answers.country === 'CH' ? 'Europe/Zurich' : 'Europe/Paris';
    }
    const missing = Object.entries(answers).filter(([, value]) => !value);
    if (missing.length > 0) {
      const link = await issueSetupLink(config.dataDir, config.publicUrl, systemClock.now());
      process.stdout.write(
        `Open this one-time link to create the practice and its administrator (valid until ${link.expiresAt.toISOString()}):\n  ${link.url}\n`,
      );
      return 0;
    }
    const password = terminal
      ? await askHidden('Password (at least 10 characters): ')
      : await firstLineOfStdin();
    const parsed = firstAdminBody.safeParse({ ...answers, password, token: 'command-line' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const message = isValidationKey(issue.message)
          ? validationMessage('en', issue.message)
          : issue.message;
        process.stderr.write(`${issue.path.join('.')}: ${message}\n`);
      }
      return 1;
    }
    const { token: _token, password: chosen, ...practice } = parsed.data;
    const created = await createFirstPractice(
      deps,
      { ...practice, passwordHash: await hashPassword(chosen) },
      { requestId: 'admin:create' },
    );
    await forgetSetupLink(config.dataDir);
    if (!created) {
      process.stdout.write('The setup was done meanwhile: a practice exists.\n');
      return 0;
    }
    process.stdout.write(
      `Created ${practice.practiceName} and its administrator ${practice.email}. Sign in at ${config.publicUrl}/console\n`,
    );
    return 0;
  } finally {
    await database.close();
    // the embedded database rewrites a few files 0644 when it opens
    await secureDataDir(config.dataDir);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `admin:create failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
