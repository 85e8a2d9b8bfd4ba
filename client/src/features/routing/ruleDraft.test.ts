import type { RoutingRuleDto } from '../../../../common/routing';
import { draftToInput, EMPTY_DRAFT, hasAction, ruleToDraft } from './ruleDraft';

describe('rule drafts', () => {
  it('turns the form into a rule, leaving empty fields out', () => {
    const input = draftToInput({
      ...EMPTY_DRAFT,
      name: '  Outages ',
      languages: 'DE, en,',
      keywords: 'Störung, kein internet',
      minFollowers: '100',
      verified: 'no',
      priority: 'urgent',
      addTags: 'outage , ',
    });
    expect(input).toEqual({
      name: 'Outages',
      enabled: true,
      conditions: {
        languages: ['de', 'en'],
        keywords: ['Störung', 'kein internet'],
        minFollowers: 100,
        verified: false,
      },
      actions: { priority: 'urgent', addTags: ['outage'] },
    });
    expect(draftToInput({ ...EMPTY_DRAFT, name: 'x', teamId: 't1' }).conditions).toEqual({});
  });

  it('round-trips a saved rule through the form', () => {
    const rule: RoutingRuleDto = {
      id: 'r1',
      position: 1,
      name: 'VIP',
      enabled: false,
      conditions: { verified: true, tags: ['press'], channelAccountIds: ['a1'] },
      actions: { teamId: 't1', addTags: ['vip'] },
    };
    const { id: _id, position: _position, ...input } = rule;
    expect(draftToInput(ruleToDraft(rule))).toEqual(input);
  });

  it('needs a team, a priority or tags to be an action', () => {
    expect(hasAction(EMPTY_DRAFT)).toBe(false);
    expect(hasAction({ ...EMPTY_DRAFT, addTags: ' , ' })).toBe(false);
    expect(hasAction({ ...EMPTY_DRAFT, addTags: 'x' })).toBe(true);
  });
});
