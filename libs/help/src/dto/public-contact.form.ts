import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TextLength } from '@app/core';
import { PUBLIC_CONTACT_KINDS, PublicContactKind } from '../domain/public-contact-kinds';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A contact point as the administrators' form posts it: the name in each language (all four:
 * a Romani page never shows another language's name), and whichever of phone, e-mail, address
 * and website are known.
 */
export class PublicContactForm {
  @IsDefined()
  @IsIn(PUBLIC_CONTACT_KINDS)
  kind!: PublicContactKind;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(2, 200)
  nameSq!: string;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(2, 200)
  nameSr!: string;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(2, 200)
  nameEn!: string;

  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(2, 200)
  nameRom!: string;

  /** Digits, spaces and + ( ) - / as people write numbers: 112, +383 38 123 456. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9 ()\-/]{1,38}$/)
  phone?: string;

  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, 300)
  address?: string;

  @IsOptional()
  @Transform(trim)
  @Matches(/^https?:\/\/[^\s/?#]+\.[^\s]*$/)
  @MaxLength(300)
  website?: string;

  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder!: number;
}
