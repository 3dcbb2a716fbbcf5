import { DomainError } from '@techbridge/platform';
import { assertDemandEditable, canTransitionDemand, transitionDemand, transitionProposal } from './demand.state-machine';

describe('demand state machine', () => {
  it('follows draft → published → in-negotiation → solved', () => {
    expect(transitionDemand('draft', 'publish')).toBe('published');
    expect(transitionDemand('published', 'start-negotiation')).toBe('in-negotiation');
    expect(transitionDemand('in-negotiation', 'solve')).toBe('solved');
  });

  it('expires only a published demand and reopens closed or expired ones as drafts', () => {
    expect(transitionDemand('published', 'expire')).toBe('expired');
    expect(canTransitionDemand('in-negotiation', 'expire')).toBe(false);
    expect(transitionDemand('expired', 'reopen')).toBe('draft');
    expect(transitionDemand('closed', 'reopen')).toBe('draft');
  });

  it('refuses illegal steps with a conflict carrying the current state', () => {
    try {
      transitionDemand('solved', 'publish');
      fail('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).extra.currentState).toBe('solved');
    }
    expect(() => transitionDemand('draft', 'solve')).toThrow(DomainError);
    expect(() => assertDemandEditable('in-negotiation')).toThrow(DomainError);
    expect(() => assertDemandEditable('published')).not.toThrow();
  });

  it('lets a proposal be decided once', () => {
    expect(transitionProposal('submitted', 'shortlist')).toBe('shortlisted');
    expect(transitionProposal('shortlisted', 'award')).toBe('awarded');
    expect(() => transitionProposal('awarded', 'decline')).toThrow(DomainError);
    expect(() => transitionProposal('declined', 'award')).toThrow(DomainError);
    expect(() => transitionProposal('withdrawn', 'shortlist')).toThrow(DomainError);
  });
});
