'use strict';
// Follow-up scenario: a reporter's status lookup with reference and receipt code (the receipt
// code is checked against its argon2id hash every time). The cases are made beforehand by the
// runner and passed as scenarioData.cases: [{ reference, receiptCode }].

let cases;

exports.init = function init(data) {
  cases = data.cases;
  if (!cases || cases.length === 0) throw new Error('follow-up: no cases to look up');
};

exports.request = function request(i) {
  const { reference, receiptCode } = cases[i % cases.length];
  // Half typed as shown on the receipt (groups of four), half as bare digits.
  const code = i % 2 === 0 ? receiptCode : receiptCode.replace(/(\d{4})(?=\d)/g, '$1 ');
  return {
    method: 'POST',
    path: '/api/v1/follow-up',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference, receiptCode: code }),
  };
};
