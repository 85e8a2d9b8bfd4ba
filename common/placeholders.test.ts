import { renderPlaceholders, unknownPlaceholders } from './placeholders';

const values = {
  customer: { name: 'Jana Kühn', handle: 'jana_k' },
  agent: { name: 'Anna Berger', initials: 'AB' },
};

describe('renderPlaceholders', () => {
  it('fills in the customer and the agent, with spaces inside the braces allowed', () => {
    const result = renderPlaceholders(
      'Hallo {{customer.name}} ({{ customer.handle }}), hier ist {{agent.name}} ^{{agent.initials}}',
      values,
    );
    expect(result).toEqual({
      text: 'Hallo Jana Kühn (@jana_k), hier ist Anna Berger ^AB',
      unknown: [],
      empty: [],
    });
  });

  it('fills the same placeholder everywhere it appears', () => {
    expect(renderPlaceholders('{{agent.initials}}/{{agent.initials}}', values).text).toBe('AB/AB');
  });

  it('keeps unknown placeholders in the text and reports each once', () => {
    const result = renderPlaceholders(
      'Hi {{customer.firstname}}, {{order.id}} {{customer.firstname}}',
      values,
    );
    expect(result.text).toBe('Hi {{customer.firstname}}, {{order.id}} {{customer.firstname}}');
    expect(result.unknown).toEqual(['customer.firstname', 'order.id']);
  });

  it('reports a known placeholder without a value instead of inventing one', () => {
    const result = renderPlaceholders('Hi {{customer.handle}}!', {
      ...values,
      customer: { name: 'Jana', handle: '' },
    });
    expect(result).toEqual({ text: 'Hi !', unknown: [], empty: ['customer.handle'] });
  });

  it('does not double the @ of a handle stored with one, and leaves other braces alone', () => {
    const result = renderPlaceholders('{{customer.handle}} {single} {{ }}', {
      ...values,
      customer: { name: 'x', handle: '@jana_k' },
    });
    expect(result.text).toBe('@jana_k {single} {{ }}');
  });
});

describe('unknownPlaceholders', () => {
  it('lists only the names that are not known', () => {
    expect(unknownPlaceholders('{{customer.name}} {{agent.nickname}} {{ticket}}')).toEqual([
      'agent.nickname',
      'ticket',
    ]);
    expect(unknownPlaceholders('no placeholders')).toEqual([]);
  });
});
