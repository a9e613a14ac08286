import { defineMessages } from '@app/core';

/** Strings of the Technical Group member's part of the staff home. */
export const MEMBER_HOME_MESSAGES = defineMessages({
  sq: {
    'meetings.home.title': 'Takimet tuaja dhe pikat e rendit të ditës',
    'meetings.home.none': 'Tani nuk ka takim me rend dite të publikuar.',
    'meetings.home.comments': 'Komente: {count}',
    'meetings.home.decided': 'vendosur',
    'meetings.home.comment': 'Shkruani një koment',
    'meetings.home.all': 'Të gjitha takimet',
  },
  sr: {
    'meetings.home.title': 'Vaši sastanci i tačke dnevnog reda',
    'meetings.home.none': 'Trenutno nema sastanka sa objavljenim dnevnim redom.',
    'meetings.home.comments': 'Komentari: {count}',
    'meetings.home.decided': 'odlučeno',
    'meetings.home.comment': 'Napišite komentar',
    'meetings.home.all': 'Svi sastanci',
  },
  en: {
    'meetings.home.title': 'Your meetings and agenda items',
    'meetings.home.none': 'No meeting has a published agenda at the moment.',
    'meetings.home.comments': 'Comments: {count}',
    'meetings.home.decided': 'decided',
    'meetings.home.comment': 'Write a comment',
    'meetings.home.all': 'All meetings',
  },
  rom: {
    'meetings.home.title': 'Tire sastanka thaj e točke ando dnevno redo',
    'meetings.home.none': 'Akana nane sastanko kaso dnevno redo si publikuime.',
    'meetings.home.comments': 'Komentarja: {count}',
    'meetings.home.decided': 'odlučime',
    'meetings.home.comment': 'Ramo jekh komentari',
    'meetings.home.all': 'Sa e sastanka',
  },
});
