import {
  Locale,
  PDF_LANGUAGE_TAGS,
  isOfferedLocale,
  officeName,
  translate,
  writtenMessage,
} from '@app/core';
import { pdfRawText, pdfText } from '../support/pdf-text';
import { TestServer, startTestServer } from '../support/test-server';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  dueDate,
  expectStatus,
  holdMeeting,
  planMeeting,
} from './meeting-fixtures';
import { ONE_OFF_RECIPIENT } from '../support/case-workflow';
import { localCode, localName } from '../support/country-codes';

/** The reader's language: Serbian where the profile offers it, else Romani. */
const READER: Locale = isOfferedLocale('sr') ? 'sr' : 'rom';
const t = (key: string, params?: Record<string, string | number>) => translate(READER, key, params);
/** The education ministry (Kosovo's) or the installation's equivalent, as the reader reads it. */
const EDUCATION = localCode('institution', 'ministry_education');

const ALBANIAN_SUMMARY = 'Çështja e nxënësve: shkolla në Gjakovë i ndau në klasë të veçantë.';
const SERBIAN_DECISION = 'Odluka: škola će đacima vratiti časove; žalba Čačak-Ćuprija odbijena.';
const ALBANIAN_DECISION = 'Vendimi: institucioni të raportojë për masat e marra brenda afatit.';

describe('Agenda and minutes as PDF', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;
  let references: string[];

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
    const first = await assignedCase(server, group);
    const second = await assignedCase(server, group);
    references = [first.reference, second.reference];
    meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, first.id, { summary: ALBANIAN_SUMMARY });
    await addItem(server, group.as.expert, meetingId, second.id, {
      summary: 'Diskriminim në punësim.',
      proposedDecision: 'not_discrimination',
      proposedInstitutionCodes: [],
    });
    await holdMeeting(server, group, meetingId);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: first.id,
        kind: 'refer',
        text: ALBANIAN_DECISION,
        referrals: [
          {
            institutionCode: localCode('institution', 'ministry_education'),
            recommendation: 'Të ribashkohen klasat menjëherë.',
            summary:
              'A school moved the Roma pupils of one grade to a separate class in a side building.',
            responseDueDate: dueDate(server),
            ...ONE_OFF_RECIPIENT,
          },
        ],
      }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: second.id,
        kind: 'not_discrimination',
        text: SERBIAN_DECISION,
      }),
      201,
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it('downloads the agenda as a PDF with Albanian letters intact', async () => {
    const res = await call(
      server,
      group.as.members[0],
      'GET',
      `/api/v1/meetings/${meetingId}/agenda.pdf?lang=sq`,
    );
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="agenda-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Grupi Teknik – rendi i ditës');
    expect(text).toContain(ALBANIAN_SUMMARY);
    for (const reference of references) expect(text).toContain(reference);
  });

  it('downloads the minutes with the text of every decision, in the reader’s language', async () => {
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: 'Sastanak je počeo u 10 časova; prisutni su svi članovi.',
      }),
      204,
    );
    const draft = await call(
      server,
      group.as.admin,
      'GET',
      `/api/v1/meetings/${meetingId}/minutes.pdf?lang=${READER}`,
    );
    expectStatus(draft, 200);
    const draftText = await pdfText(draft.rawPayload);
    expect(draftText).toContain(t('meetings.minutes.draft')); // Nacrt: zapisnik još nije usvojen.

    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );
    const res = await call(
      server,
      group.as.members[1],
      'GET',
      `/api/v1/meetings/${meetingId}/minutes.pdf?lang=${READER}`,
    );
    expectStatus(res, 200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(t('meetings.pdf.minutes_title')); // Tehnička grupa – zapisnik sa sastanka
    expect(text).toContain(ALBANIAN_DECISION);
    expect(text).toContain(SERBIAN_DECISION);
    expect(text).toContain('Sastanak je počeo u 10 časova; prisutni su svi članovi.');
    expect(text).toContain(t('meetings.decision.kind.refer')); // Upućivanje
    expect(text).toContain(t('case.status.not_discrimination')); // Nije diskriminacija
    // Ministarstvo obrazovanja, nauke, tehnologije i inovacija
    expect(text).toContain(
      writtenMessage(READER, `taxonomy.institution.${EDUCATION}`) ??
        localName('institution', EDUCATION, READER),
    );
    expect(text).not.toContain(t('meetings.minutes.draft'));
    for (const member of group.members) expect(text).toContain(member.name);
  });

  it('keeps draft minutes from members until approved', async () => {
    const other = await assignedCase(server, group);
    const draftMeeting = await planMeeting(server, group);
    await addItem(server, group.as.expert, draftMeeting, other.id);
    await holdMeeting(server, group, draftMeeting);
    const res = await call(
      server,
      group.as.members[0],
      'GET',
      `/api/v1/meetings/${draftMeeting}/minutes.pdf`,
    );
    expectStatus(res, 409);
    expect(res.json()).toMatchObject({ code: 'minutes_not_approved' });
  });

  it('prints the minutes as a page too', async () => {
    const res = await call(
      server,
      group.as.members[2],
      'GET',
      `/staff/meetings/${meetingId}/minutes?lang=en`,
    );
    expectStatus(res, 200);
    expect(res.body).toContain('Technical Group – minutes of the meeting');
    expect(res.body).toContain(SERBIAN_DECISION);
    expect(res.body).toContain(`/api/v1/meetings/${meetingId}/minutes.pdf`);
  });
  it('prints minutes as written (lines, paragraphs, long words), tagged, with its language and a header', async () => {
    const other = await assignedCase(server, group);
    const written = await planMeeting(server, group);
    await addItem(server, group.as.expert, written, other.id);
    await holdMeeting(server, group, written);
    const longWord = 'Mosdiskriminimi'.repeat(12);
    // As a browser posts a textarea: CRLF line ends, a blank line between paragraphs, a tab.
    const minutes = [
      'Sastanak je otvoren u 10:00.',
      'Prisutni: svi članovi Grupe.',
      '',
      'Tačka 1:\tslučaj je upućen ministarstvu.',
      `Reč bez razmaka: ${longWord}`,
      '',
      '',
      'Sastanak je zatvoren u 11:30.',
    ].join('\r\n');
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${written}/minutes`, {
        text: minutes,
      }),
      204,
    );
    const res = await call(
      server,
      group.as.admin,
      'GET',
      `/api/v1/meetings/${written}/minutes.pdf?lang=${READER}`,
    );
    expectStatus(res, 200);
    const raw = await pdfRawText(res.rawPayload);
    // No control character (a "▯" in print) and no replacement glyph reaches the page.
    expect(raw).not.toMatch(/[\r\t\u25AF\uFFFD]/);
    const lines = raw.split('\n').map((line) => line.replace(/\u200B/g, '').trim());
    for (const line of [
      'Sastanak je otvoren u 10:00.',
      'Prisutni: svi članovi Grupe.',
      'Tačka 1: slučaj je upućen ministarstvu.',
      'Sastanak je zatvoren u 11:30.',
    ]) {
      expect(lines).toContain(line);
    }
    // Each written line stays a line of its own, in order.
    const at = (line: string) => lines.indexOf(line);
    expect(at('Prisutni: svi članovi Grupe.')).toBe(at('Sastanak je otvoren u 10:00.') + 1);
    // The long word wraps onto more than one line and nothing of it is lost.
    const flat = raw.replace(/[\s\u200B]+/g, '');
    expect(flat).toContain(`Rečbezrazmaka:${longWord}`);
    expect(lines.some((line) => line.includes(longWord))).toBe(false);
    // The header: the Office and the meeting, on the page.
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(t('meetings.pdf.office')); // Kancelarija za dobro upravljanje, …
    // sastanak Tehničke grupe od 2026-02-03 10:00
    const [before, after] = t('meetings.pdf.meeting_of', { date: '\u0000' }).split('\u0000');
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(
      new RegExp(`${escape(before)}\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}${escape(after)}`),
    );
    expect(text).toContain(t('meetings.pdf.page', { page: 1, pages: '\u0000' }).split('\u0000')[0]); // Strana 1 od

    // A tagged PDF in the reader's language, with a structure of headings and paragraphs.
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf).toMatch(/\/MarkInfo \d+ 0 R|\/MarkInfo <<\s*\/Marked true/);
    expect(pdf).toMatch(/\/Marked true/);
    expect(pdf).toContain(`/Lang (${PDF_LANGUAGE_TAGS[READER]})`); // sr-Latn
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/S /H1');
    expect(pdf).toContain('/S /H2');
    expect(pdf).toContain('/S /P');
    expect(pdf).toContain('/DisplayDocTitle true');

    const agenda = await call(
      server,
      group.as.members[0],
      'GET',
      `/api/v1/meetings/${written}/agenda.pdf?lang=en`,
    );
    expectStatus(agenda, 200);
    const agendaPdf = agenda.rawPayload.toString('latin1');
    expect(agendaPdf).toContain('/Lang (en)');
    expect(agendaPdf).toMatch(/\/Marked true/);
    // The installation's office (Kosovo's Office for Good Governance; on a profile naming none,
    // "The office that runs the platform").
    expect(await pdfText(agenda.rawPayload)).toContain(officeName('en'));
  });
});
