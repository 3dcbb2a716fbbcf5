export * from './finance.module';
export { FinanceService } from './finance.service';
export type { FinanceFiguresRecord } from './dto/figures.dto';
