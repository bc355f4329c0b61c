import type { OutboxMessage } from '../../src/contracts/outbox';
import type { CodeChallenge } from '../../src/contracts/patient-auth';
import { demoPassword, demoSlug } from '../../src/server/demo/demo-data';

/** Léa Durand, a child of the demo practice, signed in with her father's phone (see README). */
const demoPatient = {
  practice: demoSlug,
  phone: '06 39 98 10 01',
  lastName: 'Durand',
  firstName: 'Léa',
  birthDate: '2012-05-03',
};
const demoAdmin = { email: 'claire.martin@cabinet-tilleuls.example', password: demoPassword };

async function post(url: string, body: unknown, cookie?: string): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

function cookieOf(response: Response, name: string): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie in the answer`);
  return cookie;
}

/**
 * Signs the demo patient in through the API as the app does, reading the SMS code where the front desk would:
 * the outbox (no SMS provider in the demo), through the administrator's console API. Answers the `Cookie`
 * header value of the patient session.
 */
export async function signInDemoPatient(baseUrl: string): Promise<string> {
  const challenge = (await (
    await post(`${baseUrl}/api/patient/sign-in`, demoPatient)
  ).json()) as CodeChallenge;
  const staffCookie = cookieOf(await post(`${baseUrl}/api/staff/sign-in`, demoAdmin), 'sourire_staff');

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/console/outbox?channel=sms`, {
      headers: { cookie: staffCookie },
    });
    if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
    const page = (await response.json()) as { items: OutboxMessage[] };
    const code = page.items
      .find((message) => message.recipient === '+33639981001' && message.body)
      ?.body?.match(/\b(\d{6})\b/)?.[1];
    if (code) {
      const verified = await post(`${baseUrl}/api/patient/sign-in/verify`, {
        challengeId: challenge.challengeId,
        code,
      });
      return cookieOf(verified, 'sourire_patient');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the sign-in code did not reach the outbox within 10 s');
}
