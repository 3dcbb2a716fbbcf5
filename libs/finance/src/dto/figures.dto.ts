/** What monitoring's finance indicators are computed from, through the finance facade. */
export interface FinanceFiguresRecord {
  /** Verified investment funds set up for a park (子基金), as of the period's end. */
  parkFunds: Array<{ id: string; parkCode: string }>;
  /** Investments closed in the period, by the investing fund's park (null: not a park fund). */
  investments: Array<{ id: string; fundParkCode: string | null; amount: number }>;
  /** Financing requests closed funded in the period, by the enterprise's park. */
  financingClosed: Array<{ id: string; parkCode: string | null; amount: number }>;
  /** Pledge loans disbursed in the period (approved amount), by the borrower's park. */
  loansDisbursed: Array<{ id: string; parkCode: string | null; amount: number }>;
  /** Pledge loans on the books at the period's end, with the principal still outstanding then (yuan). */
  loansOutstanding: Array<{ id: string; parkCode: string | null; amount: number }>;
}
