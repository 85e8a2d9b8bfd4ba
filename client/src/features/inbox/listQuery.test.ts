import { activeFilterCount, defaultSortFor, listQueryParams, normaliseFilters } from './listQuery';

describe('list queries', () => {
  it('orders queues by waiting time and archives by last change', () => {
    expect(defaultSortFor('unassigned')).toBe('waiting');
    expect(defaultSortFor('teams')).toBe('waiting');
    expect(defaultSortFor('resolved')).toBe('updated');
    expect(defaultSortFor('all')).toBe('updated');
  });

  it('drops empty filters and sorts keys, so equal filters make equal keys', () => {
    expect(normaliseFilters({ tag: '', priority: 'high', platform: 'x', waitingMinutes: undefined })).toEqual(
      {
        platform: 'x',
        priority: 'high',
      },
    );
    expect(JSON.stringify(normaliseFilters({ sla: 'breached', language: 'de' }))).toBe(
      JSON.stringify(normaliseFilters({ language: 'de', sla: 'breached' })),
    );
    expect(activeFilterCount({ tag: 'x', waitingMinutes: 0 })).toBe(2);
  });

  it('builds the query string the server validates', () => {
    const params = listQueryParams(
      { view: 'open', sort: 'sla', filters: { priority: 'urgent', waitingMinutes: 30 } },
      50,
      'abc',
    );
    expect(params.toString()).toBe(
      'status=open&sort=sla&limit=50&priority=urgent&waitingMinutes=30&cursor=abc',
    );
  });
});
