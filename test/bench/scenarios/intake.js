'use strict';
// Intake scenario: a valid report, different every request. Codes come from the taxonomy
// (passed by the runner as scenarioData.codes, so they always match the seeded reference data);
// a third of the reports are anonymous, the rest identified, some filed with a helper.

const OPENINGS = [
  'At the municipal office the clerk refused to register',
  'My son was moved to a separate class at school and',
  'The landlord told us on the phone that the flat was free, but when we arrived',
  'At the health centre the nurse made us wait for hours while others went first and',
  'During the job interview the manager asked about our community and then',
  'A police officer stopped us in the street without any reason and',
  'On a local news portal the comments under the article said that',
  'The shop owner did not let my daughter enter the shop and',
];
const MIDDLES = [
  'said that people like us only make trouble',
  'told us to go back to our mahalla',
  'refused to give any written explanation',
  'laughed when we asked for the reason',
  'said the decision came from above',
  'called us names in front of other people',
];
const ENDINGS = [
  'This has happened to our family several times this year.',
  'Other people from our neighbourhood had the same experience.',
  'We have witnesses who saw everything.',
  'We would like someone to look into this and help us.',
  'I am afraid it will happen again next week.',
];
const NAMES = [
  'Arbër Krasniqi',
  'Fatmire Berisha',
  'Jovan Petrović',
  'Selvije Gashi',
  'Dritan Hoxha',
];

let codes;
let today;

function pick(list, i) {
  return list[i % list.length];
}

function daysBefore(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

exports.init = function init(data) {
  codes = data.codes;
  // A day before today in any time zone, so the date is never "in the future" for the server.
  today = daysBefore(new Date().toISOString().slice(0, 10), 1);
};

/** The report body of request i (used by the runner too, to create cases for the follow-up). */
// Mixes follow the request number alone, so both servers get the same mix of reports (every 60
// requests hold each combination equally); the number in the text keeps each report different.
const RUN = Math.floor(Math.random() * 1e6);

function report(i) {
  const n = i;
  const grounds = [pick(codes.ground, n)];
  if (n % 4 === 0) grounds.push(pick(codes.ground, n + 3));
  const body = {
    community: pick(codes.community, n),
    primaryArea: pick(codes.area, n >> 1),
    grounds: [...new Set(grounds)],
    municipality: pick(codes.municipality, n * 7),
    incidentDate: daysBefore(today, n % 365),
    description: `${pick(OPENINGS, n)} ${pick(MIDDLES, n >> 2)}. ${pick(ENDINGS, n >> 3)} (ref ${RUN}-${i})`,
    perpetratorKind: pick(codes.perpetrator_kind, n >> 1),
    reporterRole: pick(codes.reporter_role, n >> 3),
    gender: pick(codes.gender, n),
    ageGroup: pick(codes.age_group, n >> 2),
    preferredLanguage: pick(['sq', 'sr', 'en', 'rom'], n >> 4),
    anonymous: n % 3 === 0,
  };
  if (!body.anonymous) {
    body.contact = {
      name: pick(NAMES, n),
      email: `reporter${n}@example.org`,
      phone: `+383 44 ${String(100000 + (n % 900000)).replace(/(\d{3})(\d{3})/, '$1 $2')}`,
    };
    body.consentToContact = true;
    body.consentToShareIdentity = n % 2 === 0;
  }
  if (n % 5 === 0) body.helper = { kind: 'mediator', name: 'Community mediator Prizren' };
  return body;
}

exports.report = report;

exports.request = function request(i) {
  return {
    method: 'POST',
    path: '/api/v1/cases',
    headers: { 'content-type': 'application/json', 'accept-language': 'sq' },
    body: JSON.stringify(report(i)),
  };
};
