import {
  firstMatchingRule,
  type MatchableRule,
  matchesKeywords,
  plannedChanges,
  type RoutingSubject,
  ruleMatches,
} from './matchRoutingRule';

const subject = (over: Partial<RoutingSubject> = {}): RoutingSubject => ({
  channelAccountId: 'acc-1',
  language: 'de',
  text: 'Seit heute früh eine STÖRUNG in Köln, kein Internet!',
  tags: [],
  followers: 120,
  verified: false,
  ...over,
});

const rule = (name: string, over: Partial<MatchableRule> = {}): MatchableRule => ({
  name,
  enabled: true,
  conditions: {},
  actions: {},
  ...over,
});

describe('keyword matching', () => {
  it('ignores case and umlauts in both the text and the keyword', () => {
    expect(matchesKeywords('Große STÖRUNG in Köln', ['störung'])).toBe(true);
    expect(matchesKeywords('Große Störung in Köln', ['STORUNG'])).toBe(true);
    expect(matchesKeywords('Große Störung in Köln', ['koln'])).toBe(true);
    expect(matchesKeywords('Die Straße ist gesperrt', ['strasse'])).toBe(true);
    expect(matchesKeywords('Café kaputt', ['cafe'])).toBe(true);
  });

  it('matches whole words only', () => {
    expect(matchesKeywords('Störungsmeldung abgegeben', ['störung'])).toBe(false);
    expect(matchesKeywords('my router is broken', ['route'])).toBe(false);
    expect(matchesKeywords('Router kaputt.', ['router'])).toBe(true);
  });

  it('matches phrases as consecutive words and any of several keywords', () => {
    expect(matchesKeywords('Ich habe KEIN   Internet seit gestern', ['kein internet'])).toBe(true);
    expect(matchesKeywords('Internet kein Problem', ['kein internet'])).toBe(false);
    expect(matchesKeywords('Rechnung falsch', ['kündigung', 'rechnung'])).toBe(true);
    expect(matchesKeywords('Alles gut', ['kündigung', 'rechnung'])).toBe(false);
    expect(matchesKeywords('Alles gut', ['  ', '!!'])).toBe(false);
  });
});

describe('rule conditions', () => {
  it('matches by language, including regional variants', () => {
    expect(ruleMatches({ languages: ['de'] }, subject())).toBe(true);
    expect(ruleMatches({ languages: ['de'] }, subject({ language: 'de-AT' }))).toBe(true);
    expect(ruleMatches({ languages: ['en'] }, subject())).toBe(false);
    expect(ruleMatches({ languages: ['de'] }, subject({ language: null }))).toBe(false);
  });

  it('matches by minimum followers and verified', () => {
    expect(ruleMatches({ minFollowers: 100 }, subject())).toBe(true);
    expect(ruleMatches({ minFollowers: 121 }, subject())).toBe(false);
    expect(ruleMatches({ minFollowers: 1 }, subject({ followers: null }))).toBe(false);
    expect(ruleMatches({ verified: true }, subject())).toBe(false);
    expect(ruleMatches({ verified: true }, subject({ verified: true }))).toBe(true);
    expect(ruleMatches({ verified: false }, subject())).toBe(true);
  });

  it('matches by tags (any, case-insensitive) and channel account', () => {
    expect(ruleMatches({ tags: ['vip', 'press'] }, subject({ tags: ['Press'] }))).toBe(true);
    expect(ruleMatches({ tags: ['vip'] }, subject({ tags: ['press'] }))).toBe(false);
    expect(ruleMatches({ channelAccountIds: ['acc-2'] }, subject())).toBe(false);
    expect(ruleMatches({ channelAccountIds: ['acc-2', 'acc-1'] }, subject())).toBe(true);
  });

  it('requires every given condition', () => {
    expect(ruleMatches({ languages: ['de'], keywords: ['störung'], verified: true }, subject())).toBe(false);
    expect(ruleMatches({ languages: ['de'], keywords: ['störung'], minFollowers: 100 }, subject())).toBe(
      true,
    );
    expect(ruleMatches({}, subject())).toBe(true);
    expect(ruleMatches({ languages: [], keywords: [] }, subject())).toBe(true);
  });
});

describe('rule order', () => {
  it('takes the first matching enabled rule and skips disabled ones', () => {
    const rules = [
      rule('english', { conditions: { languages: ['en'] } }),
      rule('disabled outage', { enabled: false, conditions: { keywords: ['störung'] } }),
      rule('outage', { conditions: { keywords: ['störung'] } }),
      rule('all german', { conditions: { languages: ['de'] } }),
    ];
    const match = firstMatchingRule(rules, subject());
    expect(match?.rule.name).toBe('outage');
    expect(match?.index).toBe(2);
    expect(firstMatchingRule(rules, subject({ language: 'fr', text: 'bonjour' }))).toBeNull();
  });
});

describe('planned changes', () => {
  it('lists only what would change', () => {
    expect(
      plannedChanges(
        { teamId: 't1', priority: 'high', addTags: ['outage', 'vip', 'outage'] },
        { teamId: null, priority: 'normal', tags: ['vip'] },
      ),
    ).toEqual({ teamId: 't1', priority: 'high', addTags: ['outage'] });
    expect(
      plannedChanges({ teamId: 't1', priority: 'high' }, { teamId: 't1', priority: 'high', tags: [] }),
    ).toEqual({});
  });
});
