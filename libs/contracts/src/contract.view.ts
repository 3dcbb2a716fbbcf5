import { CONTRACT_TYPES } from '@techbridge/platform';
import { ContractResponse, mapContract } from './dto/contracts.dto';
import { TechnologyContract } from './entities/technology-contract.entity';
import { contractDirection } from './rules/direction';

/** The response for a contract: its type's names from the reference data and its direction of transfer. */
export function viewContract(c: TechnologyContract): ContractResponse {
  const t = CONTRACT_TYPES.find((x) => x.code === c.type);
  return mapContract(c, { zh: t?.zh ?? c.type, en: t?.en ?? c.type }, contractDirection(c.sellerRegion, c.buyerRegion));
}
