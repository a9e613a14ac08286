import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response as InjectResponse } from 'light-my-request';
import { installationReferencePrefix, isOfferedLocale } from '@app/core';
import { localCode, localName } from '../support/country-codes';
import { TestServer, startTestServer } from '../support/test-server';
import { csrfFrom, elfExecutable, multipart, png, rows, uploadedFiles } from './case-fixtures';

/** The installation's equivalents of the Kosovo municipalities and community the suite names. */
const PRIZREN = localCode('municipality', 'prizren');
const PEJE = localCode('municipality', 'peje');
const GJAKOVE = localCode('municipality', 'gjakove');
const MITROVICE = localCode('municipality', 'mitrovice_e_jugut');
const ASHKALI = localCode('community', 'ashkali');
/** A case reference with the installation's prefix (`PMD-2026-00042` on Kosovo's). */
const REFERENCE = `${installationReferencePrefix()}-\\d{4}-\\d{5}`;

/** The few HTML entities the templates escape. */
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A step's page as a browser holds it: where its form goes and what its hidden fields carry. */
interface StepPage {
  res: InjectResponse;
  body: string;
  action: string;
  hidden: [string, string][];
}

function stepPage(res: InjectResponse): StepPage {
  const body = res.body;
  const action = decode(/<form method="post" action="([^"]+)"/.exec(body)?.[1] ?? '');
  const hidden = [...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    (m) => [m[1], decode(m[2])] as [string, string],
  );
  return { res, body, action, hidden };
}

function hiddenValue(page: StepPage, name: string): string | undefined {
  return page.hidden.find(([n]) => n === name)?.[1];
}

/** The error summary's messages, in order. */
function summary(page: StepPage): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(page.body)?.[0] ?? '';
  return [...box.matchAll(/<li>(?:<a href="[^"]+">)?([^<]+)/g)].map((m) => decode(m[1]));
}

const NAMED = {
  description: 'The bus driver told my children to get off because we are Roma.',
  municipality: PRIZREN,
  incidentDate: '2026-02-03',
  primaryArea: 'goods_and_services',
  perpetratorKind: 'business',
  grounds: ['discrimination', 'harassment'],
  community: 'roma',
  reporterRole: 'victim',
};

describe('The report, step by step', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  async function countCases(): Promise<number> {
    const [row] = await rows<{ n: number }>(server, 'SELECT count(*)::int AS n FROM cases');
    return row.n;
  }

  async function start(language = 'en'): Promise<StepPage> {
    const page = await csrfFrom(server, `/report?lang=${language}`);
    cookie = page.cookie;
    const res = await server.app.inject({
      method: 'GET',
      url: `/report?lang=${language}`,
      headers: { cookie },
    });
    return stepPage(res);
  }

  /** Sends a step's form as a browser would: its hidden fields, the answers, the button. */
  async function post(
    page: StepPage,
    answers: Record<string, string | string[]>,
    go = 'next',
    files: Parameters<typeof multipart>[1] = [],
    options: { remoteAddress?: string } = {},
  ): Promise<StepPage> {
    const fields: [string, string][] = [...page.hidden];
    for (const [name, value] of Object.entries(answers))
      for (const v of Array.isArray(value) ? value : [value]) fields.push([name, v]);
    fields.push(['go', go]);
    const body = multipart(fields, files);
    const res = await server.app.inject({
      method: 'POST',
      url: page.action,
      payload: body.payload,
      headers: { ...body.headers, cookie },
      ...options,
    });
    return stepPage(res);
  }

  /** Walks from the first page to "Check your answers". */
  async function toCheck(
    extra: { contact?: Record<string, string>; files?: Parameters<typeof multipart>[1] } = {},
  ): Promise<StepPage> {
    let page = await start();
    page = await post(page, { description: NAMED.description });
    page = await post(page, {
      municipality: NAMED.municipality,
      incidentDate: NAMED.incidentDate,
      primaryArea: NAMED.primaryArea,
    });
    page = await post(page, { perpetratorKind: NAMED.perpetratorKind, grounds: NAMED.grounds });
    page = await post(page, {
      community: NAMED.community,
      reporterRole: NAMED.reporterRole,
      preferredLanguage: 'en',
      helperKind: 'none',
    });
    if (extra.contact) {
      page = await post(page, { anonymous: 'no' });
      page = await post(page, extra.contact);
    } else {
      page = await post(page, { anonymous: 'yes' });
    }
    page = await post(page, {}, 'next', extra.files ?? []);
    expect(hiddenValue(page, 'step')).toBe('check');
    return page;
  }

  async function heldFiles(): Promise<string[]> {
    return (await uploadedFiles(server)).filter((f) => f.endsWith('.held'));
  }

  it('starts with one question, the progress, no inline script and a deferred script', async () => {
    const page = await start();
    expect(page.res.statusCode).toBe(200);
    expect(page.res.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Step 1 of 7');
    expect(page.body).toContain('<h1>What happened</h1>');
    expect(page.body).toContain('id="f-description"');
    expect(page.body).not.toContain('id="f-municipality"');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page.body).toContain('<script src="/static/js/report-steps.js" defer></script>');
    expect(page.action).toMatch(/^\/report\/steps\?_csrf=/);
    expect(hiddenValue(page, 'draft')).toMatch(/^[0-9a-f-]{36}$/);
    const script = await server.app.inject({ method: 'GET', url: '/static/js/report-steps.js' });
    expect(script.statusCode).toBe(200);
  });

  it('files an anonymous report with evidence step by step, storing nothing until Send', async () => {
    const before = await countCases();
    const heldBefore = await heldFiles();
    let page = await start();
    page = await post(page, { description: NAMED.description });
    expect(page.body).toContain('Step 2 of 7');
    expect(page.body).toContain('id="f-municipality"');
    // The first answer travels on in the page, not on the server.
    expect(hiddenValue(page, 'description')).toBe(NAMED.description);
    page = await post(page, {
      municipality: NAMED.municipality,
      incidentDate: NAMED.incidentDate,
      primaryArea: NAMED.primaryArea,
    });
    expect(page.body).toContain('Step 3 of 7');
    page = await post(page, { perpetratorKind: NAMED.perpetratorKind, grounds: NAMED.grounds });
    expect(page.body).toContain('Step 4 of 7');
    expect(page.hidden.filter(([n]) => n === 'grounds').map(([, v]) => v)).toEqual(NAMED.grounds);
    page = await post(page, {
      community: NAMED.community,
      reporterRole: NAMED.reporterRole,
      preferredLanguage: 'en',
      helperKind: 'none',
    });
    expect(page.body).toContain('Step 5 of 7');
    // Contacted or anonymous: no answer is chosen for the reporter.
    expect(page.body).toContain('I want to be contacted');
    expect(page.body).toContain('I want to stay anonymous');
    expect(page.body).not.toMatch(/name="anonymous" value="(yes|no)" checked/);
    expect(page.body).not.toContain('id="f-contactPhone"');
    page = await post(page, { anonymous: 'yes' });
    expect(page.body).toContain('Step 6 of 7');
    expect(page.body).toContain('type="file" id="f-evidence" name="evidence" multiple');

    page = await post(page, {}, 'next', [
      { filename: 'ticket.png', content: png(), contentType: 'image/png' },
    ]);
    expect(page.body).toContain('Step 7 of 7');
    expect(page.body).toContain('Check your answers before sending');
    for (const text of [
      NAMED.description,
      localName('municipality', PRIZREN),
      '2026-02-03',
      'I want to stay anonymous',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toContain('ticket.png');
    expect(page.body).toMatch(/name="go" value="change-where"/);
    expect(page.body).toMatch(/name="go" value="change-evidence"/);
    // The file waits on disk under a sealed handle; no case, no evidence row exists yet.
    expect(await countCases()).toBe(before);
    expect(await heldFiles()).toHaveLength(heldBefore.length + 1);
    const handle = hiddenValue(page, 'heldEvidence') ?? '';
    expect(handle).not.toContain('ticket');
    expect(handle.length).toBeGreaterThan(40);

    const sent = await post(page, {}, 'send');
    expect(sent.res.statusCode).toBe(200);
    const reference = new RegExp(`id="reference">(${REFERENCE})<`).exec(sent.body)?.[1];
    expect(reference).toBeDefined();
    expect(sent.body).toMatch(/id="receipt-code">\d{4} \d{4} \d{4} \d{4}</);
    expect(await countCases()).toBe(before + 1);
    const [stored] = await rows(
      server,
      `SELECT c.anonymous, c.contact_phone_enc, c.municipality, c.community,
              (SELECT count(*)::int FROM case_evidence e WHERE e.case_id = c.id) AS evidence
         FROM cases c WHERE reference = $1`,
      [reference],
    );
    expect(stored).toEqual({
      anonymous: true,
      contact_phone_enc: null,
      municipality: PRIZREN,
      community: 'roma',
      evidence: 1,
    });
    expect(await heldFiles()).toEqual(heldBefore);
  });

  it('files a named report; the contact questions come only after "I want to be contacted"', async () => {
    const page = await toCheck({
      contact: {
        contactName: 'Arta B.',
        contactPhone: '+383 44 123 456',
        contactEmail: '',
        consentToContact: 'yes',
      },
    });
    expect(page.body).toContain('I want to be contacted');
    expect(page.body).toContain('+383 44 123 456');
    const sent = await post(page, {}, 'send');
    const reference = new RegExp(`id="reference">(${REFERENCE})<`).exec(sent.body)?.[1];
    const [stored] = await rows(
      server,
      'SELECT anonymous, consent_contact, contact_phone_enc IS NOT NULL AS phone FROM cases WHERE reference = $1',
      [reference],
    );
    expect(stored).toEqual({ anonymous: false, consent_contact: true, phone: true });
  });

  it('says what to do for each question, in form order, by the field and tied to groups', async () => {
    let page = await start();
    page = await post(page, { description: 'too short' });
    expect(page.res.statusCode).toBe(400);
    expect(summary(page)).toEqual(['Tell us what happened, in at least 20 letters']);
    expect(page.body).toContain('href="#f-description"');
    expect(page.body).toContain(
      '<span class="field-error" id="e-description-1">Tell us what happened, in at least 20 letters</span>',
    );
    expect(page.body).toContain('aria-describedby="h-description e-description-1"');
    expect(page.body).toMatch(/<div class="error-summary"[^>]*tabindex="-1"[^>]*autofocus/);
    // The summary is the first thing in <main>.
    expect(page.body).toMatch(/<main[^>]*>\s*<div class="error-summary"/);
    expect(page.body).toContain('<title>Error: What happened');
    expect(page.body).not.toMatch(/: Tell us/);
    expect(page.body).toContain('>too short</textarea>');

    page = await post(page, { description: NAMED.description });
    page = await post(page, { municipality: '', incidentDate: '', primaryArea: '' });
    expect(summary(page)).toEqual([
      'Choose the municipality where it happened',
      'Enter the date it happened',
      'Choose the area of life where it happened',
    ]);
    // A radio group is described by its message, as a text field is.
    expect(page.body).toMatch(/<fieldset class="has-error" aria-describedby="e-primaryArea-1">/);
    page = await post(page, {
      municipality: PEJE,
      incidentDate: '2999-01-01',
      primaryArea: 'health',
    });
    expect(summary(page)).toEqual(['The date it happened cannot be in the future']);
    expect(page.body).toContain(`<option value="${PEJE}" selected>`);
    page = await post(page, {
      municipality: PEJE,
      incidentDate: '2026-01-05',
      primaryArea: 'health',
    });
    page = await post(page, { perpetratorKind: '' });
    expect(summary(page)).toEqual([
      'Choose who treated you unfairly',
      'Choose at least one kind of treatment',
    ]);
    expect(page.body).toMatch(
      /<fieldset class="has-error" aria-describedby="h-grounds e-grounds-1">/,
    );
    page = await post(page, { perpetratorKind: 'school', grounds: 'segregation' });
    page = await post(page, { preferredLanguage: 'en', helperKind: 'none' });
    // Only the community is asked of everyone; who is reporting is theirs to say or not.
    expect(summary(page)).toEqual(['Choose the community you belong to']);
    page = await post(page, { community: ASHKALI, reporterRole: 'witness', helperKind: 'none' });
    page = await post(page, {});
    expect(summary(page)).toEqual(['Choose whether you want to be contacted or to stay anonymous']);
    expect(page.body).toMatch(
      /<fieldset class="has-error" aria-describedby="h-anonymous e-anonymous-1">/,
    );
    page = await post(page, { anonymous: 'no' });
    page = await post(page, { contactName: '', contactEmail: 'nope', contactPhone: '' });
    expect(summary(page)).toEqual(['Enter an email address like name@example.com']);
    page = await post(page, { contactName: '', contactEmail: '', contactPhone: '' });
    expect(summary(page)).toEqual(['Give a name, an email address or a phone number']);
    page = await post(page, { contactName: 'Arta', consentToContact: 'yes' });
    expect(summary(page)).toEqual([
      'Give an email address or a phone number, so that we can contact you',
    ]);
  });

  it('speaks every language on the errors, with the Romani written', async () => {
    const expected = {
      sq: 'Na tregoni çfarë ndodhi, me të paktën 20 shkronja',
      sr: 'Opišite šta se dogodilo, sa najmanje 20 slova',
      rom: 'Phen amenđe so ćerdilo, barem 20 slova',
    } as const;
    // Those the installation offers (Serbian on Kosovo's).
    const offered = Object.entries(expected).filter(([language]) => isOfferedLocale(language));
    expect(offered.length).toBe(isOfferedLocale('sr') ? 3 : 2);
    for (const [language, message] of offered) {
      const page = await post(await start(language), { description: '' });
      expect([language, summary(page)]).toEqual([language, [message]]);
    }
  });

  it('keeps every answer on Back, and Change returns to "Check your answers"', async () => {
    let page = await start();
    page = await post(page, { description: NAMED.description });
    page = await post(page, { municipality: GJAKOVE, incidentDate: '', primaryArea: '' }, 'back');
    expect(hiddenValue(page, 'step')).toBe('what');
    expect(page.body).toContain(`>${NAMED.description}</textarea>`);
    // What was chosen on the page left with Back travels on.
    expect(hiddenValue(page, 'municipality')).toBe(GJAKOVE);
    page = await post(page, { description: NAMED.description });
    expect(page.body).toContain(`<option value="${GJAKOVE}" selected>`);

    const check = await toCheck({ files: [{ filename: 'a.png', content: png() }] });
    let change = await post(check, {}, 'change-where');
    expect(hiddenValue(change, 'step')).toBe('where');
    expect(hiddenValue(change, 'fromCheck')).toBe('yes');
    expect(change.body).toContain(`<option value="${PRIZREN}" selected>`);
    change = await post(change, {
      municipality: MITROVICE,
      incidentDate: NAMED.incidentDate,
      primaryArea: NAMED.primaryArea,
    });
    expect(hiddenValue(change, 'step')).toBe('check');
    expect(change.body).toContain('a.png');
    expect(hiddenValue(change, 'municipality')).toBe(MITROVICE);
    // Back from a Change page returns to the check too.
    const back = await post(await post(change, {}, 'change-who'), {}, 'back');
    expect(hiddenValue(back, 'step')).toBe('check');
  });

  it('keeps the evidence across an error and a Back without choosing the files again', async () => {
    const before = await countCases();
    const heldBefore = await heldFiles();
    const check = await toCheck({
      files: [
        { filename: 'one.png', content: png(), contentType: 'image/png' },
        { filename: 'two.png', content: png(), contentType: 'image/png' },
      ],
    });
    let page = await post(check, {}, 'change-what');
    page = await post(page, { description: 'short' });
    expect(page.res.statusCode).toBe(400);
    expect(page.hidden.filter(([n]) => n === 'heldEvidence')).toHaveLength(2);
    // A refused file leaves the ones already kept.
    const corrected = await post(page, { description: NAMED.description });
    expect(hiddenValue(corrected, 'step')).toBe('check');
    expect(corrected.body).toContain('one.png');
    page = await post(corrected, {}, 'change-evidence');
    page = await post(page, {}, 'next', [
      { filename: 'x.jpg', content: elfExecutable(), contentType: 'image/jpeg' },
    ]);
    expect(page.res.statusCode).toBe(415);
    expect(hiddenValue(page, 'step')).toBe('evidence');
    expect(page.body).toContain('one.png');
    expect(page.body).toContain('two.png');
    page = await post(page, {}, 'remove-0');
    expect(page.body).not.toContain('one.png');
    page = await post(page, {}, 'next');
    expect(await countCases()).toBe(before);
    const sent = await post(page, {}, 'send');
    const reference = new RegExp(`id="reference">(${REFERENCE})<`).exec(sent.body)?.[1];
    const files = await rows(
      server,
      `SELECT e.original_name FROM case_evidence e JOIN cases c ON c.id = e.case_id
        WHERE c.reference = $1`,
      [reference],
    );
    expect(files).toEqual([{ original_name: 'two.png' }]);
    // Sent, removed or refused: no file of this draft stays held.
    expect(await heldFiles()).toEqual(heldBefore);
  });

  it('refuses a Send whose files, brought in batches, exceed what one report may hold', async () => {
    const before = await countCases();
    const three = ['a', 'b', 'c'].map((n) => ({
      filename: `${n}.png`,
      content: png(),
      contentType: 'image/png',
    }));
    const first = await toCheck({ files: three });
    const firstHandles = first.hidden.filter(([n]) => n === 'heldEvidence');
    expect(firstHandles).toHaveLength(3);
    // A second batch sent without the first one's handles passes the page's own check…
    const evidence = await post(first, {}, 'change-evidence');
    const stripped = { ...evidence, hidden: evidence.hidden.filter(([n]) => n !== 'heldEvidence') };
    const second = await post(stripped, {}, 'next', three);
    expect(second.hidden.filter(([n]) => n === 'heldEvidence')).toHaveLength(3);
    // …and Send with every handle at once is refused: six files, five allowed.
    const sent = await post({ ...second, hidden: [...second.hidden, ...firstHandles] }, {}, 'send');
    expect(sent.res.statusCode).toBe(413);
    expect(hiddenValue(sent, 'step')).toBe('evidence');
    expect(await countCases()).toBe(before);
  });

  it('makes an anonymous report with a phone number impossible', async () => {
    let page = await start();
    page = await post(page, { description: NAMED.description });
    page = await post(page, {
      municipality: NAMED.municipality,
      incidentDate: NAMED.incidentDate,
      primaryArea: NAMED.primaryArea,
    });
    page = await post(page, { perpetratorKind: NAMED.perpetratorKind, grounds: 'discrimination' });
    page = await post(page, { community: 'roma', reporterRole: 'victim', helperKind: 'none' });
    page = await post(page, { anonymous: 'no' });
    expect(page.body).toContain('id="f-contactPhone"');
    // Typed a phone, then went back and chose to stay anonymous.
    page = await post(page, { contactPhone: '+383 44 999 888' }, 'back');
    expect(hiddenValue(page, 'contactPhone')).toBe('+383 44 999 888');
    page = await post(page, { anonymous: 'yes' });
    expect(hiddenValue(page, 'step')).toBe('evidence');
    expect(hiddenValue(page, 'contactPhone')).toBeUndefined();
    page = await post(page, {});
    expect(page.body).toContain('I want to stay anonymous');
    expect(page.body).not.toContain('999 888');
    // A page altered by hand to send both gets no further.
    const forged = await post(page, { contactPhone: '+383 44 999 888' }, 'send');
    const reference = new RegExp(`id="reference">(${REFERENCE})<`).exec(forged.body)?.[1];
    const [stored] = await rows(
      server,
      'SELECT anonymous, contact_phone_enc FROM cases WHERE reference = $1',
      [reference],
    );
    expect(stored).toEqual({ anonymous: true, contact_phone_enc: null });
  });

  it('files one report when Send is pressed twice, and refuses a handle from another draft', async () => {
    const before = await countCases();
    const check = await toCheck({ files: [{ filename: 'twice.png', content: png() }] });
    const [first, second] = await Promise.all([post(check, {}, 'send'), post(check, {}, 'send')]);
    expect([first.res.statusCode, second.res.statusCode]).toEqual([200, 200]);
    const references = [first, second].map((p) => /id="reference">([^<]+)</.exec(p.body)?.[1]);
    expect(references[0]).toBe(references[1]);
    expect([first, second].filter((p) => p.body.includes('id="receipt-code"'))).toHaveLength(1);
    expect(await countCases()).toBe(before + 1);
    const third = await post(check, {}, 'send');
    expect(/id="reference">([^<]+)</.exec(third.body)?.[1]).toBe(references[0]);
    expect(await countCases()).toBe(before + 1);

    // A handle copied into another draft opens nothing there.
    const other = await toCheck({ files: [{ filename: 'mine.png', content: png() }] });
    const stolen = hiddenValue(other, 'heldEvidence') ?? '';
    const fresh = await start();
    const page = await post(
      fresh,
      { description: NAMED.description, heldEvidence: stolen },
      'next',
    );
    expect(page.hidden.filter(([n]) => n === 'heldEvidence')).toEqual([]);
  });

  it('opening a step by address starts again, and the one-page form post is still accepted', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/report/steps?lang=${isOfferedLocale('sr') ? 'sr' : 'rom'}`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/report');

    const page = await csrfFrom(server, '/report');
    const body = multipart([
      ['idempotencyKey', 'one-page-form-1'],
      ['description', 'An old page still open on a phone sends the whole form at once.'],
      ['incidentDate', '2026-02-03'],
      ['municipality', PEJE],
      ['primaryArea', 'civil_registration'],
      ['grounds', 'discrimination'],
      ['perpetratorKind', 'public_institution'],
      ['community', 'egyptian'],
      ['reporterRole', 'victim'],
      ['anonymous', 'yes'],
      ['preferredLanguage', 'sq'],
      ['helperKind', 'none'],
    ]);
    const sent = await server.app.inject({
      method: 'POST',
      url: `/report?_csrf=${encodeURIComponent(page.token)}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toMatch(new RegExp(`id="reference">${REFERENCE}<`));
  });

  it('deletes the files of a draft never sent once it has expired', async () => {
    await toCheck({ files: [{ filename: 'abandoned.png', content: png() }] });
    const held = await heldFiles();
    expect(held.length).toBeGreaterThan(0);
    const { StalePartSweeper } =
      await import('../../libs/cases/src/retention/services/stale-parts.service');
    const sweeper = server.app.get(StalePartSweeper);
    // A day later by the files' clock (the sweep reads their modification times).
    await sweeper.sweep(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await heldFiles()).toEqual([]);
    const root = server.config.storage.uploadDir;
    for (const file of held) {
      await expect(readdir(join(root, file.split('/')[0]))).resolves.not.toContain(
        file.split('/')[1],
      );
    }
  });
});

describe('The report steps and the intake limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1', INTAKE_RATE_WINDOW_SECONDS: '3000' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('counts only reports sent, and a refusal says the wait in minutes and keeps everything', async () => {
    const page = await csrfFrom(server, '/report?lang=en');
    const cookie = page.cookie;
    const address = '203.0.113.77';
    async function post(
      current: StepPage,
      answers: Record<string, string | string[]>,
      go = 'next',
      files: Parameters<typeof multipart>[1] = [],
    ) {
      const fields: [string, string][] = [...current.hidden];
      for (const [name, value] of Object.entries(answers))
        for (const v of Array.isArray(value) ? value : [value]) fields.push([name, v]);
      fields.push(['go', go]);
      const body = multipart(fields, files);
      return stepPage(
        await server.app.inject({
          method: 'POST',
          url: current.action,
          payload: body.payload,
          headers: { ...body.headers, cookie },
          remoteAddress: address,
        }),
      );
    }
    async function toCheck(): Promise<StepPage> {
      let current = stepPage(
        await server.app.inject({ method: 'GET', url: '/report?lang=en', headers: { cookie } }),
      );
      // Errors on the way count for nothing.
      current = await post(current, { description: 'short' });
      current = await post(current, { description: NAMED.description });
      current = await post(current, {
        municipality: PEJE,
        incidentDate: '2026-02-03',
        primaryArea: 'health',
      });
      current = await post(current, { perpetratorKind: 'school', grounds: 'discrimination' });
      current = await post(current, {
        community: 'roma',
        reporterRole: 'victim',
        helperKind: 'none',
      });
      current = await post(current, { anonymous: 'yes' });
      return post(current, {}, 'next', [{ filename: 'kept.png', content: png() }]);
    }
    const first = await post(await toCheck(), {}, 'send');
    expect(first.body).toContain(`id="reference">${installationReferencePrefix()}-`);

    const check = await toCheck();
    const refused = await post(check, {}, 'send');
    expect(refused.res.statusCode).toBe(429);
    expect(refused.res.headers['retry-after']).toBeDefined();
    expect(hiddenValue(refused, 'step')).toBe('check');
    expect(summary(refused)).toHaveLength(1);
    expect(summary(refused)[0]).toMatch(/\b50 minutes\b/);
    expect(summary(refused)[0]).not.toMatch(/seconds/);
    expect(refused.body).toContain(NAMED.description);
    expect(refused.body).toContain('kept.png');
    expect(hiddenValue(refused, 'heldEvidence')).toBe(hiddenValue(check, 'heldEvidence'));

    // Files held for drafts are limited too (twice the reports allowed): the third upload waits,
    // and the file held already stays.
    const evidence = await post(refused, {}, 'change-evidence');
    const more = await post(evidence, {}, 'next', [{ filename: 'more.png', content: png() }]);
    expect(more.res.statusCode).toBe(429);
    expect(hiddenValue(more, 'step')).toBe('evidence');
    expect(summary(more)[0]).toMatch(/\bminutes\b/);
    expect(more.body).toContain('kept.png');
    expect(more.body).not.toContain('more.png');
  });
});
