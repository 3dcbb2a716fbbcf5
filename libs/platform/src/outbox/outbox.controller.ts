import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { Page, pageOf, PageQuery, skipTake } from '../pagination/page';
import { DeadOutboxMessage, OutboxService } from './outbox.service';

export class OutboxMessageIdParam {
  @ApiProperty({ example: '42' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'id must be a positive integer' })
  id!: string;
}

export class DeadLetterResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['index', 'job'] }) kind!: 'index' | 'job';
  @ApiProperty({ description: 'Index name or job name' }) target!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Document id or deterministic job id' }) key!: string | null;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() deadAt!: string;
}

export class DeadLetterPage {
  @ApiProperty({ type: [DeadLetterResponse] }) items!: DeadLetterResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DeadLetterRetryResponse {
  @ApiProperty({ type: [String], description: 'Messages given a fresh set of attempts' }) retried!: string[];
}

function mapDeadLetter(m: DeadOutboxMessage): DeadLetterResponse {
  return { ...m, createdAt: m.createdAt.toISOString(), deadAt: m.deadAt.toISOString() };
}

/** Outbox messages that failed every delivery attempt: platform administrators see them and send them again. */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('outbox/dead-letters')
@Roles(Role.PlatformAdmin)
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: '投递失败的消息 / Outbox messages set aside after too many failed deliveries' })
  @ApiOkResponse({ type: DeadLetterPage })
  async list(@Query() q: PageQuery): Promise<Page<DeadLetterResponse>> {
    const { skip, take } = skipTake(q);
    const [items, total] = await this.outbox.listDead(skip, take);
    return pageOf(items.map(mapDeadLetter), total, q);
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: '全部重新投递 / Retry every dead message' })
  @ApiOkResponse({ type: DeadLetterRetryResponse })
  async retryAll(): Promise<DeadLetterRetryResponse> {
    return { retried: await this.outbox.retryDead() };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: '重新投递 / Retry one dead message (a fresh set of attempts, due now)' })
  @ApiOkResponse({ type: DeadLetterRetryResponse })
  async retry(@Param() p: OutboxMessageIdParam): Promise<DeadLetterRetryResponse> {
    const retried = await this.outbox.retryDead([p.id]);
    if (!retried.length) throw DomainError.notFound({ zh: '没有这条失败消息', en: 'No dead outbox message with this id', code: 'DEAD_LETTER_NOT_FOUND' });
    return { retried };
  }
}
