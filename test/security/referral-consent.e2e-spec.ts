import type { LightMyRequestResponse } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { csrfFrom, multipart, walkReportSteps } from '../cases/case-fixtures';
import {
  addItem,
  call,
  createGroup,
  dueDate,
  holdMeeting,
  planMeeting,
  type Group,
} from '../meetings/meeting-fixtures';
import { isOfferedLocale } from '@app/core';
import { OUTCOME_MESSAGE } from '../support/case-workflow';
import { localCode } from '../support/country-codes';
import { SmtpSink, type SinkMail } from '../support/smtp-sink';
import { FORM, StaffLogin, csrfFromPage } from '../support/staff';
import type { TestServer } from '../support/test-server';
import { TestWorker, mailTestEnv, startTestWorker } from '../support/test-worker';
import { until } from '../support/wait';
import {
  Team,
  assignedCase,
  daysFromNow,
  makeTeam,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
  transition,
} from '../workflow/workflow-fixtures';

/**
 * An institution a case is referred to may employ the person complained about. Without the
 * reporter's consent to share their identity it reads only the summary the legal expert wrote
 * for it, never the reporter's own words: not on its page, not in its email.
 */

// Written as reporters write: names of children and of the school, a phone number.
const SENTENCES = [
  'Teacher Arben Krasniqi told my son Ilir Berisha in front of the whole class that Roma children smell.',
  'Since October the headmistress of Shkolla Fillore Dardania keeps him in the corridor during lunch.',
  'You can reach my sister Hana on 049 555 321 because she saw it herself.',
];
const DESCRIPTION = SENTENCES.join(' ');
const FRAGMENTS = [
  'Arben Krasniqi',
  'Ilir Berisha',
  'Roma children smell',
  'Shkolla Fillore Dardania',
  'in the corridor during lunch',
  '049 555 321',
  'my sister Hana',
];
const SUMMARY =
  'A teacher humiliated a Roma pupil in class and the school keeps the pupil out of the canteen.';
const INSTITUTION_EMAIL = 'contact@ministry-education.test';
/** The institution the case is referred to: Kosovo's education ministry, or the equivalent. */
const INSTITUTION = localCode('institution', 'ministry_education');

interface Problem {
  status: number;
  errors?: { field: string; code: string; message: string }[];
}

/** Phone numbers and e-mail addresses written as people write them. */
const FLAGGED = [
  'The mother can be called on +383 44 123 456.',
  'The mother can be called on 044/123-456.',
  'The mother can be called on 00383 44 123456.',
  'The mother can be called on (044) 123 456.',
  'The mother can be called on 0 4 4 1 2 3 4 5 6.',
  'Write to the mother at mother.of.pupil@example.org for details.',
  'Write to the mother at mother at example dot org for details.',
  'Write to the mother at mother [at] example [dot] org for details.',
];

function expectNoReporterWords(text: string): void {
  for (const sentence of SENTENCES) expect(text).not.toContain(sentence);
  for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
}

describe('What an institution learns of a referred case', () => {
  let server: TestServer;
  let team: Team;
  let group: Group;
  let sink: SmtpSink;
  let worker: TestWorker;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
    group = await createGroup(server);
    sink = await SmtpSink.start();
    worker = await startTestWorker(
      mailTestEnv({
        DATABASE_URL: server.config.database.url,
        REDIS_KEY_PREFIX: server.config.redis.keyPrefix,
        SMTP_URL: sink.url,
      }),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await server.close();
  });

  /** The email the institution received for this case (waits for the worker to send it). */
  async function institutionMail(reference: string): Promise<SinkMail> {
    return until(
      () => sink.mails.find((m) => m.to.includes(INSTITUTION_EMAIL) && m.text.includes(reference)),
      `an email to the institution for ${reference}`,
      { timeoutMs: 20_000 },
    );
  }

  async function linkOf(caseId: string): Promise<string> {
    const mail = (await outboxOf(server, caseId)).find((m) => m.template === 'referral_sent');
    if (!mail) throw new Error('no referral_sent email');
    return new URL(mail.params.responseUrl).pathname;
  }

  async function referredCase(consent: boolean) {
    const created = await assignedCase(server, team, {
      description: DESCRIPTION,
      consentToShareIdentity: consent,
    });
    await step(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server, { summary: SUMMARY })],
    });
    return { ...created, link: await linkOf(created.id) };
  }

  function open(link: string): Promise<LightMyRequestResponse> {
    return server.app.inject({ method: 'GET', url: `${link}?lang=en` });
  }

  async function answer(link: string): Promise<LightMyRequestResponse> {
    const page = await csrfFrom(server, `${link}?lang=en`);
    const body = multipart([
      ['outcome', 'complied'],
      ['text', 'The pupil is back in the class and the teacher was warned.'],
    ]);
    return server.app.inject({
      method: 'POST',
      url: `${link}?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
  }

  it('says on the report form, in every language, what an institution receives with and without consent', async () => {
    const said = {
      sq: ['vetëm një përmbledhje të shkruar nga eksperti ligjor', 'edhe fjalët tuaja'],
      sr: ['samo sažetak koji piše pravni stručnjak', 'i vaše reči i vaš identitet'],
      en: ['only a summary written by the legal expert', 'also receives your words'],
      'sr-Cyrl': ['само сажетак који пише правни стручњак', 'и ваше речи и ваш идентитет'],
      rom: [
        'samo jekh cikno opisi kaj ramosarela o pravno eksperto',
        'vi tire lava thaj tiro anav',
      ],
    };
    const offered = Object.entries(said).filter(([lang]) => isOfferedLocale(lang));
    expect(offered.length).toBe(isOfferedLocale('sr') ? 5 : 3);
    for (const [lang, texts] of offered) {
      // The consent is asked with the contact details, after "I want to be contacted".
      const page = await walkReportSteps(server, lang, [
        { description: 'They refused to register my newborn son at the registry.' },
        {
          municipality: localCode('municipality', 'peje'),
          incidentDate: '2026-02-03',
          primaryArea: 'health',
        },
        { perpetratorKind: 'school', grounds: 'discrimination' },
        { community: localCode('community', 'roma'), reporterRole: 'victim', helperKind: 'none' },
        { anonymous: 'no' },
      ]);
      expect(page).toContain('name="consentToShareIdentity"');
      for (const text of texts)
        expect({ lang, has: page.includes(text) }).toEqual({ lang, has: true });
    }
  });

  it('without consent shows the summary and never the reporter’s words, on the page or in the email', async () => {
    const referred = await referredCase(false);
    const page = await open(referred.link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(SUMMARY);
    expect(page.body).toContain('Not shared: the reporter did not agree');
    expectNoReporterWords(page.body);
    // Nothing of the case is offered as a download: no evidence, no document.
    expect(page.body).not.toMatch(/href="[^"]*(evidence|documents)/);

    const mail = await institutionMail(referred.reference);
    expectNoReporterWords(`${mail.subject}\n${mail.text}\n${mail.html}\n${mail.raw}`);

    // The answer form still works.
    expect((await answer(referred.link)).statusCode).toBe(303);
  });

  it('with consent shows the summary and the reporter’s own words', async () => {
    const referred = await referredCase(true);
    const page = await open(referred.link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(SUMMARY);
    for (const fragment of ['Arben Krasniqi', 'Roma children smell', 'Shkolla Fillore Dardania']) {
      expect(page.body).toContain(fragment);
    }
  });

  it('refuses through the API a summary that holds a phone number or an e-mail address, in the caller’s language', async () => {
    const created = await assignedCase(server, team, { description: DESCRIPTION });
    for (const flagged of FLAGGED) {
      const res = await transition(server, team.as.expert, created.id, {
        to: 'referred',
        referrals: [referral(server, { summary: `${SUMMARY} ${flagged}` })],
        outcomeMessage: OUTCOME_MESSAGE,
      });
      expect({ flagged, status: res.statusCode }).toEqual({ flagged, status: 400 });
      expect((res.json() as Problem).errors).toEqual([
        expect.objectContaining({ field: 'referrals.0.summary', code: 'revealsIdentity' }),
      ]);
    }
    // Staff read in their own language: this legal expert writes Serbian; where the profile does
    // not offer Serbian, the installation's default language (Albanian) is theirs.
    const inOwnLanguage = await transition(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server, { summary: `${SUMMARY} ${FLAGGED[5]}` })],
      outcomeMessage: OUTCOME_MESSAGE,
    });
    expect((inOwnLanguage.json() as Problem).errors?.[0].message).toContain(
      isOfferedLocale('sr') ? 'broj telefona' : 'një numër telefoni',
    );
    const missing = await transition(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server, { summary: undefined })],
      outcomeMessage: OUTCOME_MESSAGE,
    });
    expect(missing.statusCode).toBe(400);
    const fields = (missing.json() as Problem).errors?.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['referrals.0.summary']));
    // Nothing half-written: the case did not move, no referral exists.
    const [state] = await rows<{ status: string; referrals: number }>(
      server,
      `SELECT status, (SELECT count(*)::int FROM case_referrals WHERE case_id = $1) AS referrals
       FROM cases WHERE id = $1`,
      [created.id],
    );
    expect(state).toEqual({ status: 'assigned', referrals: 0 });
  });

  it('refuses on the staff case page a summary that holds a phone number or an e-mail address', async () => {
    const created = await assignedCase(server, team, { description: DESCRIPTION });
    const pageUrl = `/staff/cases/${created.id}?lang=en`;
    const post = async (login: StaffLogin, summary: string) => {
      const opened = await server.app.inject({
        method: 'GET',
        url: pageUrl,
        headers: { cookie: login.cookie },
      });
      expect(opened.body).toContain('Summary for the institution');
      const params = new URLSearchParams([
        ['to', 'referred'],
        ['expectedVersion', '3'],
        ['institutionCode', INSTITUTION],
        ['municipalityCode', ''],
        ['recommendation', 'Place the child back in a mixed class and train the staff.'],
        ['summary', summary],
        ['responseDueDate', daysFromNow(server, 14)],
        ['contactEmail', INSTITUTION_EMAIL],
        ['contactEmailRepeat', INSTITUTION_EMAIL],
        ['oneOffConfirmed', '0'],
        ['reason', ''],
        [
          'outcomeMessage',
          'We asked the ministry to act on your report and will tell you its answer.',
        ],
        ['_csrf', csrfFromPage(opened.body)],
      ]);
      return server.app.inject({
        method: 'POST',
        url: `/staff/cases/${created.id}/transitions?lang=en`,
        headers: { cookie: login.cookie, 'content-type': FORM },
        payload: params.toString(),
      });
    };
    for (const flagged of [FLAGGED[1], FLAGGED[4], FLAGGED[6]]) {
      const refused = await post(team.as.expert, `${SUMMARY} ${flagged}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('href="#f-t-referred-summary-0"');
      expect(refused.body).toContain('a phone number or an e-mail address');
    }
    const accepted = await post(team.as.expert, SUMMARY);
    expect(accepted.statusCode).toBe(303);
    const page = await open(await linkOf(created.id));
    expect(page.body).toContain(SUMMARY);
    expectNoReporterWords(page.body);
  });

  it('needs the summary on a Technical Group referral, screens it, and shows it to the institution', async () => {
    const created = await assignedCase(server, team, { description: DESCRIPTION });
    const meetingId = await planMeeting(server, group);
    await addItem(server, team.as.expert, meetingId, created.id);
    await holdMeeting(server, group, meetingId);
    const decide = (extra: Record<string, unknown>) =>
      call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: created.id,
        kind: 'refer',
        text: 'Referohet te ministria për masa të menjëhershme.',
        referrals: [
          {
            institutionCode: INSTITUTION,
            recommendation: 'Të ribashkohen klasat dhe të raportohet brenda afatit.',
            responseDueDate: dueDate(server),
            contactEmail: INSTITUTION_EMAIL,
            contactEmailRepeat: INSTITUTION_EMAIL,
            oneOffConfirmed: true,
            ...extra,
          },
        ],
      });
    const missing = await decide({});
    expect(missing.statusCode).toBe(400);
    const fields = (missing.json() as Problem).errors?.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['referrals.0.summary']));
    for (const flagged of [FLAGGED[0], FLAGGED[5]]) {
      const refused = await decide({ summary: `${SUMMARY} ${flagged}` });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as Problem).errors).toEqual([
        expect.objectContaining({ field: 'referrals.0.summary', code: 'revealsIdentity' }),
      ]);
    }
    // The meeting page's decision form goes through the same screen.
    const meetingPage = `/staff/meetings/${meetingId}?lang=en`;
    const opened = await server.app.inject({
      method: 'GET',
      url: meetingPage,
      headers: { cookie: group.as.admin.cookie },
    });
    expect(opened.body).toContain('Summary for the institution');
    const fromPage = await server.app.inject({
      method: 'POST',
      url: `/staff/meetings/${meetingId}/decisions?lang=en`,
      headers: { cookie: group.as.admin.cookie, 'content-type': FORM },
      payload: new URLSearchParams([
        ['caseId', created.id],
        ['kind', 'refer'],
        ['text', 'Referohet te ministria për masa të menjëhershme.'],
        ['institutionCode', INSTITUTION],
        ['recommendation', 'Të ribashkohen klasat dhe të raportohet brenda afatit.'],
        ['summary', `${SUMMARY} ${FLAGGED[3]}`],
        ['responseDueDate', dueDate(server)],
        ['contactEmail', INSTITUTION_EMAIL],
        ['contactEmailRepeat', INSTITUTION_EMAIL],
        ['oneOffConfirmed', '0'],
        ['_csrf', csrfFromPage(opened.body)],
      ]).toString(),
    });
    expect(fromPage.statusCode).toBe(400);
    expect(fromPage.body).toContain('a phone number or an e-mail address');

    const decided = await decide({ summary: SUMMARY });
    expect(decided.statusCode).toBe(201);
    const page = await open(await linkOf(created.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(SUMMARY);
    expectNoReporterWords(page.body);
  });

  it('opens and answers a referral made before summaries existed, without the reporter’s words', async () => {
    const created = await assignedCase(server, team, { description: DESCRIPTION });
    await step(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [referral(server, { summary: SUMMARY })],
    });
    // A row as the database held it before the summary column: every other column set (its
    // recipient `legacy`, as the directory's migration marks the referrals made before it).
    // A response token as the platform issues them: 32 random bytes, only their SHA-256 kept.
    const token = randomBytes(32).toString('base64url');
    const hash = createHash('sha256').update(token, 'utf8').digest('hex');
    await rows(
      server,
      `INSERT INTO case_referrals (id, case_id, institution_code, municipality_code, recommendation,
         response_due_date, contact_email_enc, status, sent_by, sent_at, response_token_hash,
         response_token_expires_at, recipient)
       VALUES (gen_random_uuid(), $1, 'kosovo_police', NULL, $2, $3, NULL, 'sent', $4, now(), $5,
         now() + interval '40 days', 'legacy')`,
      [
        created.id,
        'Investigate the treatment of the pupil at the school.',
        daysFromNow(server, 30),
        team.expert.id,
        hash,
      ],
    );
    const link = `/referrals/respond/${token}`;
    const page = await open(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Investigate the treatment of the pupil at the school.');
    expect(page.body).toContain('The legal expert will send you a summary of the case later.');
    expectNoReporterWords(page.body);
    expect((await answer(link)).statusCode).toBe(303);
    const [answered] = await rows<{ status: string }>(
      server,
      `SELECT status FROM case_referrals WHERE response_token_hash = $1`,
      [hash],
    );
    expect(answered.status).toBe('answered');
  });
});
