import { authenticator } from 'otplib';

/** Cookies as a browser keeps them, from `set-cookie` headers (attributes are ignored). */
class Cookies {
  private readonly values = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function csrfField(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the sign-in page');
  return match[1];
}

/**
 * Signs in through the real pages, as a member of staff would: the sign-in page, password,
 * then the authenticator code. Returns the Cookie header of the signed-in session.
 */
export async function signIn(
  url: string,
  email: string,
  password: string,
  totpSecret: string,
): Promise<string> {
  const jar = new Cookies();
  const page = await fetch(`${url}/staff/login`);
  jar.take(page);
  let csrf = csrfField(await page.text());
  const post = async (path: string, fields: Record<string, string>, expected: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (res.status !== 303 || location !== expected) {
      throw new Error(`sign-in ${path}: ${res.status} to ${location ?? '-'}`);
    }
  };
  await post('/staff/login', { email, password }, '/staff/login/totp');
  // A CSRF token belongs to the session it was made with: the code page gives a new one.
  const codePage = await fetch(`${url}/staff/login/totp`, { headers: { cookie: jar.header() } });
  csrf = csrfField(await codePage.text());
  await post('/staff/login/totp', { code: authenticator.generate(totpSecret) }, '/staff');
  return jar.header();
}
