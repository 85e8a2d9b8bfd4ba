import { renderStatic } from '../../testing/renderStatic';
import { TakeoverConfirm } from './TakeoverConfirm';

const serverMessage = 'Anna Berger is assigned to this conversation; reply anyway to take it over';
const noop = () => undefined;

describe('TakeoverConfirm', () => {
  it('names the colleague and asks whether to reply anyway', () => {
    const html = renderStatic(
      <TakeoverConfirm
        assigneeName="Anna Berger"
        serverMessage={serverMessage}
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(html).toContain('Assigned to Anna Berger. Reply anyway and take it over?');
    expect(html).toMatch(/data-testid="takeover-confirm"[^>]*>Reply and take over</);
    expect(html).toMatch(/data-testid="takeover-cancel"[^>]*>Cancel</);
    const german = renderStatic(
      <TakeoverConfirm
        assigneeName="Anna Berger"
        serverMessage={serverMessage}
        onConfirm={noop}
        onCancel={noop}
      />,
      'de',
    );
    expect(german).toContain('Zugewiesen an Anna Berger. Trotzdem antworten und übernehmen?');
  });

  it('falls back to the server’s sentence when the assignee is not known here', () => {
    const html = renderStatic(
      <TakeoverConfirm assigneeName={null} serverMessage={serverMessage} onConfirm={noop} onCancel={noop} />,
    );
    expect(html).toContain(serverMessage);
  });
});
