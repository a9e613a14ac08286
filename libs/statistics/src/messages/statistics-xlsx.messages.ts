import { defineMessages } from '@app/core';

/** Sheet names and column headers of the statistics workbook (XLSX). */
export const STATISTICS_XLSX_MESSAGES = defineMessages({
  sq: {
    'statistics.xlsx.overview': 'Përmbledhje',
    'statistics.xlsx.all_figures': 'Të gjitha shifrat',
    'statistics.xlsx.figure': 'Shifra',
    'statistics.xlsx.category': 'Kategoria',
    'statistics.xlsx.code': 'Kodi',
    'statistics.xlsx.all_years': 'Të gjitha vitet',
    'statistics.xlsx.year': 'Viti',
    'statistics.xlsx.institution': 'Institucioni',
  },
  sr: {
    'statistics.xlsx.overview': 'Pregled',
    'statistics.xlsx.all_figures': 'Svi podaci',
    'statistics.xlsx.figure': 'Podatak',
    'statistics.xlsx.category': 'Kategorija',
    'statistics.xlsx.code': 'Kod',
    'statistics.xlsx.all_years': 'Sve godine',
    'statistics.xlsx.year': 'Godina',
    'statistics.xlsx.institution': 'Institucija',
  },
  en: {
    'statistics.xlsx.overview': 'Overview',
    'statistics.xlsx.all_figures': 'All figures',
    'statistics.xlsx.figure': 'Figure',
    'statistics.xlsx.category': 'Category',
    'statistics.xlsx.code': 'Code',
    'statistics.xlsx.all_years': 'All years',
    'statistics.xlsx.year': 'Year',
    'statistics.xlsx.institution': 'Institution',
  },
  rom: {
    'statistics.xlsx.overview': 'Sa ko jekh than',
    'statistics.xlsx.all_figures': 'Sa e numera',
    'statistics.xlsx.figure': 'Numero',
    'statistics.xlsx.category': 'Kategorija',
    'statistics.xlsx.code': 'Kodo',
    'statistics.xlsx.all_years': 'Sa e berša',
    'statistics.xlsx.year': 'Berš',
    'statistics.xlsx.institution': 'Institucija',
  },
});
