import { EntityManager } from 'typeorm';
import { CaseGround } from '../../common/entities/case-ground.entity';
import { Case } from '../../common/entities/case.entity';
import { AgendaCaseFacts } from './agenda-case-facts';

const submittedAt = new Date('2026-03-02T10:00:00Z');
const row = {
  id: 'a',
  reference: 'PMD-2026-0001',
  status: 'technical_group',
  community: 'roma',
  primaryArea: 'employment',
  municipality: 'prizren',
  perpetratorKind: 'public_body',
  incidentDate: '2026-02-20',
  submittedAt,
  assigneeId: 'expert',
  // Never part of what the facts return, even when a row carries it.
  contactNameEnc: 'secret',
};

function managerWith(cases: object[], grounds: object[]) {
  const find = jest.fn((entity: unknown) => Promise.resolve(entity === Case ? cases : grounds));
  const findOne = jest.fn(() => Promise.resolve(cases[0] ?? null));
  return { manager: { find, findOne } as unknown as EntityManager, find, findOne };
}

describe('AgendaCaseFacts', () => {
  const facts = new AgendaCaseFacts();

  it('returns the agenda facts of each case with its own grounds, never other columns', async () => {
    const { manager } = managerWith(
      [row, { ...row, id: 'b', reference: 'PMD-2026-0002' }],
      [
        { caseId: 'a', ground: 'ethnicity' },
        { caseId: 'b', ground: 'language' },
        { caseId: 'a', ground: 'gender' },
      ],
    );
    const result = await facts.facts(manager, ['a', 'b', 'a']);
    expect(result.get('a')).toEqual({
      id: 'a',
      reference: 'PMD-2026-0001',
      status: 'technical_group',
      community: 'roma',
      area: 'employment',
      grounds: ['ethnicity', 'gender'],
      municipality: 'prizren',
      perpetratorKind: 'public_body',
      incidentDate: '2026-02-20',
      submittedAt,
    });
    expect(result.get('b')?.grounds).toEqual(['language']);
  });

  it('asks nothing for no cases', async () => {
    const { manager, find } = managerWith([], []);
    expect((await facts.facts(manager, [])).size).toBe(0);
    expect((await facts.inStatus(manager, [], 'technical_group')).size).toBe(0);
    expect(find).not.toHaveBeenCalled();
  });

  it('finds a case by reference as a small read type', async () => {
    const { manager, findOne } = managerWith([row], []);
    expect(await facts.find(manager, { reference: 'PMD-2026-0001' })).toEqual({
      id: 'a',
      reference: 'PMD-2026-0001',
      status: 'technical_group',
      assigneeId: 'expert',
    });
    expect(findOne).toHaveBeenCalledWith(
      Case,
      expect.objectContaining({ where: { reference: 'PMD-2026-0001' } }),
    );
  });

  it('reads grounds only for the cases asked', async () => {
    const { manager, find } = managerWith([row], []);
    await facts.facts(manager, ['a']);
    expect(find).toHaveBeenCalledWith(CaseGround, expect.anything());
  });
});
