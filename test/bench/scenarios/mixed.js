'use strict';
// Soak scenario: the platform's mixed daily use, one request kind per slot of 20.
// scenarioData: { codes, cases: [{ reference, receiptCode }], caseIds: [...], cookie }.
//   1/20 intake (a new report)          2/20 follow-up (reference + receipt code)
//   5/20 staff case list (filters)      3/20 staff case detail (API)
//   1/20 staff case list page (HTML)    5/20 public yearly statistics (API)
//   2/20 statistics page (HTML)         1/20 home page
// Intake and follow-up hash with argon2id (one core for ~50 ms each): they are kept to the
// share real use has, or a 2-core machine measures argon2 instead of the platform.
const intake = require('./intake');

let data;
const SLOTS = [
  'intake',
  'follow-up',
  'follow-up',
  'list',
  'list',
  'list',
  'list',
  'list',
  'detail',
  'detail',
  'detail',
  'list-page',
  'statistics',
  'statistics',
  'statistics',
  'statistics',
  'statistics',
  'statistics-page',
  'statistics-page',
  'home',
];
const LIST_QUERIES = [
  '',
  'status=submitted&order=oldest',
  'status=in_review',
  'page=2',
  'q=school',
  'municipality=prizren',
  'community=roma&pageSize=50',
];

exports.init = function init(scenarioData) {
  data = scenarioData;
  intake.init({ codes: data.codes });
};

/** The kind of request i (also used by the runner to describe the mix). */
exports.kind = function kind(i) {
  return SLOTS[i % SLOTS.length];
};

exports.request = function request(i) {
  const staff = { cookie: data.cookie, accept: 'application/json' };
  switch (exports.kind(i)) {
    case 'intake':
      return intake.request(i);
    case 'follow-up': {
      const { reference, receiptCode } = data.cases[i % data.cases.length];
      return {
        method: 'POST',
        path: '/api/v1/follow-up',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference, receiptCode }),
      };
    }
    case 'list':
      return {
        method: 'GET',
        path: `/api/v1/cases?${LIST_QUERIES[i % LIST_QUERIES.length]}`,
        headers: staff,
      };
    case 'detail':
      return {
        method: 'GET',
        path: `/api/v1/cases/${data.caseIds[i % data.caseIds.length]}`,
        headers: staff,
      };
    case 'list-page':
      return { method: 'GET', path: '/staff/cases', headers: { cookie: data.cookie } };
    case 'statistics':
      return { method: 'GET', path: '/api/v1/statistics/yearly', headers: {} };
    case 'statistics-page':
      return { method: 'GET', path: '/statistics?lang=en', headers: {} };
    default:
      return { method: 'GET', path: '/', headers: {} };
  }
};
