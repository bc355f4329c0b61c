import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

let ipCounter = 0;

/** A distinct client address per test client, so per-address rate limits do not leak between tests. */
function nextIp(): string {
  ipCounter += 1;
  return `10.${(process.pid % 200) + 1}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/** An HTTP client over `app.inject` that keeps cookies like a browser. */
export class TestClient {
  readonly ip: string;
  private cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { lang?: string; ip?: string } = {},
  ) {
    this.ip = options.ip ?? nextIp();
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>('GET', url);
  }

  post<T = Record<string, unknown>>(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', url, body, headers);
  }

  patch<T = Record<string, unknown>>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body);
  }

  delete<T = Record<string, unknown>>(url: string) {
    return this.request<T>('DELETE', url);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    // a Buffer is sent as is (a multipart form), with the content type the caller passes in `headers`
    const cookieHeader = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.options.lang ? { 'accept-language': this.options.lang } : {}),
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
    for (const cookie of response.cookies) {
      const expired =
        (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
        (cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text && response.headers['content-type']?.toString().includes('json')
        ? JSON.parse(text)
        : text) as T,
      headers: response.headers,
    };
  }
}

/** A client signed in as a staff member (password `testPassword` of the factories). */
export async function staffClient(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<TestClient> {
  const client = new TestClient(app);
  const answer = await client.post('/api/staff/sign-in', { email, password });
  if (answer.status !== 200) throw new Error(`sign-in of ${email} failed: ${answer.status}`);
  return client;
}
