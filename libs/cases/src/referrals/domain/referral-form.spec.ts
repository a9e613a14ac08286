import { REFERRAL_FORM_BLOCKS, referralsFromForm } from './referral-form';

const block = {
  institutionCode: 'ombudsperson',
  municipalityCode: '',
  recommendation: 'Investigate the refusal of enrolment.',
  summary: 'A school refused to enrol two children of the community.',
  responseDueDate: '2026-07-01',
  contactPointId: '',
  contactEmail: '',
  contactEmailRepeat: '',
};

describe('referralsFromForm', () => {
  it('reads one block sent as single fields', () => {
    expect(referralsFromForm({ ...block, _csrf: 'x' })).toEqual([
      {
        ...block,
        municipalityCode: null,
        contactPointId: null,
        contactEmail: null,
        contactEmailRepeat: null,
        oneOffConfirmed: false,
      },
    ]);
  });

  it('reads each block’s one-off confirmation by its number, ticked or not', () => {
    const body = {
      ...Object.fromEntries(Object.entries(block).map(([name, value]) => [name, [value, value]])),
      institutionCode: ['ombudsperson', 'kosovo_police'],
      contactEmail: ['', 'desk@police.example.org'],
      oneOffConfirmed: '1',
    };
    expect(referralsFromForm(body).map((r) => r.oneOffConfirmed)).toEqual([false, true]);
  });

  it('reads repeated blocks and leaves out the empty ones after the first', () => {
    const body = Object.fromEntries(
      Object.entries(block).map(([name, value]) => [
        name,
        name === 'institutionCode' ? [value, '', 'police'] : [value, '', value],
      ]),
    );
    const referrals = referralsFromForm(body);
    expect(referrals.map((r) => r.institutionCode)).toEqual(['ombudsperson', 'police']);
  });

  it('leaves out a wholly empty first block, so the rule can say "one or more"', () => {
    const empty = Object.fromEntries(Object.keys(block).map((name) => [name, '']));
    expect(referralsFromForm(empty)).toEqual([]);
  });

  it('keeps a first block that is only partly filled in, to name what is missing', () => {
    expect(referralsFromForm({ recommendation: 'Act now, please.' })).toHaveLength(1);
  });

  it(`reads at most ${REFERRAL_FORM_BLOCKS} blocks`, () => {
    const many = Array.from({ length: REFERRAL_FORM_BLOCKS + 2 }, (_, i) => `inst_${i}`);
    const body = { ...block, institutionCode: many, recommendation: many, summary: many };
    expect(referralsFromForm(body)).toHaveLength(REFERRAL_FORM_BLOCKS);
  });
});
