import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, DomainError, TransactionRunner } from '@techbridge/platform';
import { AddTargetDto, TargetProgressResponse } from './dto/monitoring.dto';
import { Target } from './entities/indicator.entity';
import { MonitoringAccessPolicy, MonitoringPermission } from './monitoring-access.policy';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** The plan's targets are data: administrators add a later horizon (a new target year) without code. */
@Injectable()
export class PlanTargetsService {
  constructor(
    private readonly repo: MonitoringRepository,
    private readonly monitoring: MonitoringService,
    private readonly identity: IdentityService,
    private readonly access: MonitoringAccessPolicy,
    private readonly tx: TransactionRunner,
  ) {}

  async add(actor: Actor, dto: AddTargetDto): Promise<TargetProgressResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    await this.tx.run(async (m) => {
      const indicator = (await this.repo.listIndicators(m)).find((i) => i.code === dto.indicator);
      if (!indicator) throw DomainError.validation('indicator', { zh: '指标不存在', en: 'No such indicator' }, 'unknownIndicator');
      const targets = await this.repo.listTargets(m);
      if (targets.some((t) => t.code === dto.code)) {
        throw new DomainError('conflict', 'TARGET_EXISTS', { zh: '目标代码已存在', en: 'A target with this code exists' }, [{ field: 'code', message: 'taken', code: 'taken' }]);
      }
      const position = targets.reduce((n, t) => Math.max(n, t.position), 0) + 1;
      await m.getRepository(Target).insert({
        code: dto.code, zh: dto.zh.trim(), en: dto.en.trim(), indicatorCode: indicator.code, targetValue: dto.target, unit: indicator.unit, basis: dto.basis, targetYear: dto.targetYear, position,
      });
      await this.identity.audit(m, actor, { action: 'monitoring.target.add', entityType: 'monitoring-target', entityId: dto.code, changes: { indicator: indicator.code, target: dto.target, targetYear: dto.targetYear } });
    });
    return (await this.monitoring.targets()).find((t) => t.code === dto.code)!;
  }
}
