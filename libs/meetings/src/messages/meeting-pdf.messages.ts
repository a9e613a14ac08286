import { defineMessages } from '@app/core';

/** The running header of the agenda and minutes PDFs. */
export const MEETING_PDF_MESSAGES = defineMessages({
  sq: {
    'meetings.pdf.office': 'Zyra për Qeverisje të Mirë, Zyra e Kryeministrit',
    'meetings.pdf.meeting_of': 'takimi i Grupit Teknik i {date}',
    'meetings.pdf.page': 'Faqja {page} nga {pages}',
  },
  sr: {
    'meetings.pdf.office': 'Kancelarija za dobro upravljanje, Kancelarija premijera',
    'meetings.pdf.meeting_of': 'sastanak Tehničke grupe od {date}',
    'meetings.pdf.page': 'Strana {page} od {pages}',
  },
  en: {
    'meetings.pdf.office': 'Office for Good Governance, Office of the Prime Minister',
    'meetings.pdf.meeting_of': 'Technical Group meeting of {date}',
    'meetings.pdf.page': 'Page {page} of {pages}',
  },
  rom: {
    'meetings.pdf.office': 'Kancelarija vaš Lačho Upravljanje, Kancelarija e Premijereski',
    'meetings.pdf.meeting_of': 'sastanko e Tehnikane Grupako ko {date}',
    'meetings.pdf.page': 'Stranica {page} katar {pages}',
  },
});
