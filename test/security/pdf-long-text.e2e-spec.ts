import { officeName } from '@app/core';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { LightMyRequestResponse } from 'fastify';
import { pdfRawText } from '../support/pdf-text';
import { TestServer, startTestServer } from '../support/test-server';
import { pause } from '../support/wait';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  expectStatus,
  holdMeeting,
  planMeeting,
} from '../meetings/meeting-fixtures';

/** The first line of every page's header: the installation's office (members read in Albanian). */
const office = () => officeName('sq');

/** The longest minutes the API takes (MinutesDto), as one word without a break. */
const MINUTES_WORD = 'abcdefghij'.repeat(5_000);
/** The longest agenda summary and decision text the API takes, each one word. */
const SUMMARY_WORD = 'klmnopqrst'.repeat(500);
const DECISION_WORD = 'uvwxyzABCD'.repeat(500);

/**
 * Far above the noise of a busy test machine (tens of milliseconds), far below what the old
 * code did (seconds for the summary, half a minute and a dead process for the minutes).
 */
const STALL_LIMIT_MS = 1_000;

/**
 * The text of a PDF without what the layout added: the running header of each page (the
 * Office's name, and the line that ends with the page number), line breaks, break
 * opportunities and the extractor's page markers (`-- 1 of 2 --`).
 */
async function joinedText(res: LightMyRequestResponse): Promise<string> {
  const kept: string[] = [];
  let inHeader = false;
  for (const line of (await pdfRawText(res.rawPayload)).split('\n')) {
    if (line.includes(office())) inHeader = true;
    if (!inHeader) kept.push(line);
    if (/Faqja \d+ nga \d+\s*$/.test(line)) inHeader = false;
  }
  return kept
    .join('\n')
    .replace(/-- \d+ of \d+ --/g, '')
    .replace(/[\s\u200B]+/g, '');
}

/** Whether the PDF holds the word whole (a boolean: the words are too long to print). */
function holds(text: string, word: string, what: string) {
  return { what, length: word.length, whole: text.includes(word) };
}

/**
 * Issue 14, item 3: a long unbroken string in a meeting text stalled the event loop for half a
 * minute and then killed the process. The server here runs in this process, so its event loop
 * is this one: its delay is measured directly, and /health/live is asked every ~50 ms while
 * the PDFs are made.
 */
describe('PDFs of meeting texts made of one long word', () => {
  let server: TestServer;
  let group: Group;
  let meetingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    group = await createGroup(server);
    const c = await assignedCase(server, group);
    meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, c.id, {
      summary: SUMMARY_WORD,
      proposedDecision: 'not_discrimination',
      proposedInstitutionCodes: [],
    });
    await holdMeeting(server, group, meetingId);
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: c.id,
        kind: 'not_discrimination',
        text: DECISION_WORD,
      }),
      201,
    );
    expectStatus(
      await call(server, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: MINUTES_WORD,
      }),
      204,
    );
    expectStatus(
      await call(server, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );
  });
  afterAll(async () => {
    await server.close();
  });

  /**
   * Runs `work` while asking /health/live every ~50 ms; gives the longest event-loop delay seen,
   * the longest time between two health answers (start and end of the work count as answers),
   * and the health answers that were not 200.
   */
  async function watched<T>(work: () => Promise<T>) {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const answers = [performance.now()];
    const failures: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const res = await server.app.inject({ method: 'GET', url: '/health/live' });
        if (res.statusCode === 200) answers.push(performance.now());
        else failures.push(res.statusCode);
        // The sampling period of the health probe (not a wait for anything).
        await pause(50);
      }
    })();
    try {
      const result = await work();
      answers.push(performance.now());
      return {
        result,
        failures,
        probes: answers.length - 2,
        longestStallMs: delay.max / 1e6,
        longestGapMs: Math.max(...answers.slice(1).map((at, i) => at - answers[i])),
      };
    } finally {
      done = true;
      await probe;
      delay.disable();
    }
  }

  it('keeps the server answering while members download the agenda and the minutes', async () => {
    const member = group.as.members[0];
    const download = (what: 'agenda' | 'minutes') =>
      call(server, member, 'GET', `/api/v1/meetings/${meetingId}/${what}.pdf`);
    // Two of each at once: they wait for the PDF worker in turn.
    const watch = await watched(() =>
      Promise.all([
        download('agenda'),
        download('minutes'),
        download('agenda'),
        download('minutes'),
      ]),
    );

    expect(watch.failures).toEqual([]);
    expect(watch.probes).toBeGreaterThan(0);
    const measured = {
      longestStallMs: Math.round(watch.longestStallMs),
      longestGapMs: Math.round(watch.longestGapMs),
    };
    expect({
      ...measured,
      stalled: Math.max(measured.longestStallMs, measured.longestGapMs) >= STALL_LIMIT_MS,
    }).toEqual({ ...measured, stalled: false });

    const [agenda, minutes] = watch.result;
    for (const res of watch.result) {
      expectStatus(res, 200);
      expect(res.headers['content-type']).toBe('application/pdf');
    }
    const agendaText = await joinedText(agenda);
    const minutesText = await joinedText(minutes);
    expect([
      holds(agendaText, SUMMARY_WORD, 'agenda summary'),
      holds(minutesText, DECISION_WORD, 'decision text'),
      holds(minutesText, MINUTES_WORD, 'minutes'),
    ]).toEqual([
      { what: 'agenda summary', length: 5_000, whole: true },
      { what: 'decision text', length: 5_000, whole: true },
      { what: 'minutes', length: 50_000, whole: true },
    ]);
  });

  it('still answers /health/live at once afterwards (the process is alive and idle)', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
  });
});
