'use strict';
// Staff case list: a signed-in member of staff pages through filtered lists. The runner signs
// in through the real login (password + TOTP) and passes the session cookie and the list of
// query strings to cycle through (scenarioData: { cookie, queries }).

let cookie;
let queries;

exports.init = function init(data) {
  cookie = data.cookie;
  queries = data.queries;
  if (!queries || queries.length === 0) throw new Error('staff-list: no queries');
};

exports.request = function request(i) {
  return {
    method: 'GET',
    path: `/api/v1/cases?${queries[i % queries.length]}`,
    headers: { cookie, accept: 'application/json' },
  };
};
