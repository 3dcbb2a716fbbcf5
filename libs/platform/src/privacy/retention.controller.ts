import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Role } from '../auth/actor';
import { Roles } from '../auth/auth.decorators';
import { RetentionService } from './retention.service';

class RetentionDescription {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class RetentionPolicyResponse {
  @ApiProperty({ example: 'notification.read' }) recordType!: string;
  @ApiProperty({ example: 180 }) retentionDays!: number;
  @ApiProperty({ enum: ['data', 'config'] }) source!: 'data' | 'config';
  @ApiProperty({ type: RetentionDescription }) description!: RetentionDescription;
  @ApiProperty({ description: 'A rule applies it in this deployment' }) enforced!: boolean;
}

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('retention-policies')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '数据保存期限 / Retention period of each record type (个人信息保护法), applied daily' })
  @ApiOkResponse({ type: [RetentionPolicyResponse] })
  list(): Promise<RetentionPolicyResponse[]> {
    return this.retention.listPolicies();
  }
}
