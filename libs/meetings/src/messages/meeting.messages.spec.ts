import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DECISION_KINDS } from '../domain/decision-kinds';
import { MEETING_STATUSES } from '../domain/meeting-status.machine';
import { RECUSAL_REASONS } from '../domain/recusal';
import { MEETING_DECISION_MESSAGES } from './meeting-decision.messages';
import { MEETING_MESSAGES } from './meeting.messages';
import { MEETING_PDF_MESSAGES } from './meeting-pdf.messages';
import { MEMBER_HOME_MESSAGES } from './member-home.messages';

const VIEWS = join(__dirname, '../../views/meetings');
const SOURCES = [join(__dirname, '../services/meeting-pdf.service.ts')];

/** Keys other libs own that the meeting pages use. */
const BORROWED = /^(site\.|staff\.form\.|case\.status\.)/;

describe('Meeting messages', () => {
  const catalogues = [
    MEETING_MESSAGES,
    MEETING_DECISION_MESSAGES,
    MEETING_PDF_MESSAGES,
    MEMBER_HOME_MESSAGES,
  ];
  const known = new Set(catalogues.flatMap((c) => Object.keys(c.sq)));

  it('have every key the pages and PDFs write literally', () => {
    const texts = [
      ...readdirSync(VIEWS).map((f) => readFileSync(join(VIEWS, f), 'utf8')),
      ...SOURCES.map((f) => readFileSync(f, 'utf8')),
    ];
    const used = new Set(
      texts.flatMap((text) => [...text.matchAll(/\bt\('([a-z_.]+[a-z_])'/g)].map((m) => m[1])),
    );
    const missing = [...used].filter((key) => !known.has(key) && !BORROWED.test(key));
    expect(missing).toEqual([]);
  });

  it('name every status, decision kind and recusal reason', () => {
    const keys = [
      ...MEETING_STATUSES.map((s) => `meetings.status.${s}`),
      ...DECISION_KINDS.map((k) => `meetings.decision.kind.${k}`),
      ...RECUSAL_REASONS.map((r) => `meetings.recusal.${r}`),
    ];
    expect(keys.filter((key) => !known.has(key))).toEqual([]);
  });

  it('are complete in Serbian and English', () => {
    for (const locale of ['sr', 'en'] as const) {
      const keys = catalogues.flatMap((c) => Object.keys(c[locale]));
      expect(keys.sort()).toEqual([...known].sort());
    }
  });
});
