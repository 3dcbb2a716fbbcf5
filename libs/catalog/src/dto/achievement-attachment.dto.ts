import { ApiProperty } from '@nestjs/swagger';
import type { AchievementAttachment } from '../entities/achievement-attachment.entity';

export class AchievementAttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() achievementId!: string;
  @ApiProperty({ description: 'As uploaded (directories and control characters removed)' }) filename!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'], description: 'Decided from the file content' }) contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'GET this to download' }) downloadUrl!: string;
}

export function mapAttachment(a: AchievementAttachment): AchievementAttachmentResponse {
  return {
    id: a.id, achievementId: a.achievementId, filename: a.filename, contentType: a.contentType, size: a.size, uploadedBy: a.uploadedBy,
    createdAt: a.createdAt.toISOString(), downloadUrl: `/api/v1/achievements/${a.achievementId}/attachments/${a.id}`,
  };
}
