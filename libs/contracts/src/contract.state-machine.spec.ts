import { DomainError } from '@techbridge/platform';
import { canTransition, PENDING_STATUSES, transition } from './contract.state-machine';
import { canFile } from './rules/registration-checks';

describe('contract registration state machine', () => {
  it('follows submit → checks → review → registering → registered, and return/refuse from review only', () => {
    expect(transition('draft', 'submit')).toBe('submitted');
    expect(transition('returned', 'submit')).toBe('submitted');
    expect(transition('submitted', 'checks-passed')).toBe('under-review');
    expect(transition('submitted', 'checks-failed')).toBe('returned');
    expect(transition('under-review', 'register')).toBe('registering');
    expect(transition('registering', 'issue-number')).toBe('registered');
    expect(transition('under-review', 'return')).toBe('returned');
    expect(transition('under-review', 'refuse')).toBe('refused');
    expect(canTransition('registered', 'edit')).toBe(false);
    expect(canTransition('refused', 'submit')).toBe(false);
    expect(PENDING_STATUSES).toEqual(['submitted', 'under-review', 'registering']);
  });

  it('an illegal step is a 409 carrying the current state', () => {
    try {
      transition('registered', 'refuse');
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).kind).toBe('conflict');
      expect((err as DomainError).extra).toMatchObject({ currentState: 'registered', action: 'refuse' });
    }
  });

  it('the registrant is the seller side: only transfer institutions file brokerage contracts', () => {
    expect(canFile('university', 'license-patent')).toBe(true);
    expect(canFile('university', 'service-brokerage')).toBe(false);
    expect(canFile('transfer-institution', 'service-brokerage')).toBe(true);
    expect(canFile('registration-institution', 'service')).toBe(false);
    expect(canFile('enterprise', 'no-such-type')).toBe(false);
  });
});

describe('contract lifecycle: the number job failing for good', () => {
  it('sends a registering contract back to review, and nothing else', () => {
    expect(transition('registering', 'issue-failed')).toBe('under-review');
    expect(canTransition('registered', 'issue-failed')).toBe(false);
    expect(canTransition('under-review', 'issue-failed')).toBe(false);
  });
});
