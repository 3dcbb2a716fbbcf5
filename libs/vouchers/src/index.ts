export * from './vouchers.module';
export { VoucherService } from './voucher.service';
export { ProviderDirectoryService } from './provider-directory.service';
export type { VoucherFlowRecord } from './voucher.service';
export type { ServiceOrder } from './voucher-redemption.service';
export { VoucherResponse } from './dto/voucher.dto';
export { ProviderResponse } from './dto/provider.dto';
