import nodemailer from 'nodemailer';
import { MailCatcher, startMailCatcher } from '../../apps/worker/src/mail-catcher';
import { freePort } from '../support/redis-server';

describe('The local mail catcher', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({
      nodeEnv: 'development',
      smtpPort: await freePort(),
      httpPort: await freePort(),
    });
  });
  afterAll(async () => {
    await catcher?.close();
  });

  it('catches emails and shows them on a page, the HTML part sandboxed', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'no-reply@pmd.localhost',
      to: 'expert@example.org',
      subject: 'Case PMD-2026-00001 was assigned to you <b>',
      text: 'Open the case: http://localhost:3000/staff/cases/1',
      html: '<p>Open the case</p><script>alert(1)</script>',
      headers: { 'Content-Language': 'en' },
    });
    transport.close();

    const base = `http://127.0.0.1:${catcher.httpPort}`;
    const list = await fetch(`${base}/`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('Case PMD-2026-00001 was assigned to you &lt;b&gt;');
    expect(listHtml).toContain('expert@example.org');

    const one = await fetch(`${base}/mail/1`);
    const oneHtml = await one.text();
    expect(oneHtml).toContain('Open the case: http://localhost:3000/staff/cases/1');
    expect(oneHtml).toContain('<iframe sandbox src="/mail/1/html"');
    expect(one.headers.get('content-security-policy')).toContain("default-src 'none'");

    const html = await fetch(`${base}/mail/1/html`);
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await html.text()).toContain('<p>Open the case</p>');

    const json = (await (await fetch(`${base}/api/mails`)).json()) as { language: string }[];
    expect(json).toHaveLength(1);
    expect(json[0].language).toBe('en');
  });

  it('refuses to run in production', async () => {
    await expect(
      startMailCatcher({ nodeEnv: 'production', smtpPort: 0, httpPort: 0 }),
    ).rejects.toThrow(/local use only/);
  });
});
