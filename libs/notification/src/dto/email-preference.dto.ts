import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { EMAIL_CATEGORIES, EmailCategory } from '../email/email-categories';

export class EmailCategoryChoice {
  @ApiProperty({ enum: EMAIL_CATEGORIES }) @IsIn([...EMAIL_CATEGORIES]) category!: EmailCategory;
  @ApiProperty() @IsBoolean() email!: boolean;
}

export class UpdateEmailPreferencesDto {
  @ApiProperty({ type: [EmailCategoryChoice], description: 'Categories to change; the others keep their setting' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EMAIL_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => EmailCategoryChoice)
  categories!: EmailCategoryChoice[];
}

export class LabelResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class EmailCategoryPreference {
  @ApiProperty({ enum: EMAIL_CATEGORIES }) category!: EmailCategory;
  @ApiProperty({ type: LabelResponse }) label!: LabelResponse;
  @ApiProperty() email!: boolean;
}

export class EmailPreferencesResponse {
  @ApiProperty({ description: 'False when the platform has no mail server configured: notifications stay in-app' }) emailAvailable!: boolean;
  @ApiProperty({ type: [EmailCategoryPreference] }) categories!: EmailCategoryPreference[];
}
