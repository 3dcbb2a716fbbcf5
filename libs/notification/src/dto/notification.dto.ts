import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '@techbridge/platform';
import { Notification } from '../entities/notification.entity';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  unread?: boolean;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: { zh: string; en: string };
  @ApiProperty() body!: { zh: string; en: string };
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty() data!: Record<string, unknown>;
  @ApiProperty() read!: boolean;
  @ApiProperty() createdAt!: string;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Unread notifications of the caller (all pages)' }) unread!: number;
}

export function mapNotification(n: Notification): NotificationResponse {
  return {
    id: n.id,
    kind: n.kind,
    title: { zh: n.titleZh, en: n.titleEn },
    body: { zh: n.bodyZh, en: n.bodyEn },
    link: n.link,
    data: n.data,
    read: !!n.readAt,
    createdAt: n.createdAt.toISOString(),
  };
}
