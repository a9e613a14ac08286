import { getMetadataStorage } from 'class-validator';
import { PDF_TEXT_LIMIT } from '@app/core';
import { AddAgendaItemDto, AddAgendaItemFormDto } from './agenda-item.dto';
import { CreateMeetingDto } from './create-meeting.dto';
import { DecisionFormDto, DecisionReferralDto, RecordDecisionDto } from './decision.dto';
import { CommentDto, MinutesDto } from './minutes.dto';

/** The longest text each field of a class accepts (its Length or MaxLength rule). */
function maxLengths(target: new () => object): Map<string, number> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const limits = new Map<string, number>();
  for (const rule of rules) {
    const constraints = (rule.constraints ?? []) as unknown[];
    const max =
      rule.name === 'isLength' ? constraints[1] : rule.name === 'maxLength' ? constraints[0] : null;
    if (typeof max === 'number') limits.set(rule.propertyName, max);
  }
  return limits;
}

describe('Texts of the meeting forms', () => {
  it('are each bounded, and no longer than a PDF value holds (nothing is cut from a PDF)', () => {
    const found: string[] = [];
    for (const dto of [
      AddAgendaItemDto,
      AddAgendaItemFormDto,
      CreateMeetingDto,
      RecordDecisionDto,
      DecisionFormDto,
      DecisionReferralDto,
      MinutesDto,
      CommentDto,
    ]) {
      for (const [field, max] of maxLengths(dto)) {
        found.push(`${dto.name}.${field}`);
        expect({ field: `${dto.name}.${field}`, fits: max <= PDF_TEXT_LIMIT }).toEqual({
          field: `${dto.name}.${field}`,
          fits: true,
        });
      }
    }
    // The free texts that reach the agenda and minutes PDFs are among the bounded ones.
    expect(found).toEqual(
      expect.arrayContaining([
        'AddAgendaItemDto.summary',
        'AddAgendaItemFormDto.summary',
        'RecordDecisionDto.text',
        'DecisionFormDto.text',
        'DecisionReferralDto.recommendation',
        'MinutesDto.text',
        'CreateMeetingDto.place',
        'CreateMeetingDto.onlineLink',
      ]),
    );
  });
});
