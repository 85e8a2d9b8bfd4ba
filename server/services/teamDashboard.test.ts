import { detectSpike } from './teamDashboard';

describe('detectSpike', () => {
  const config = { factor: 3, minInbound: 10 };

  it('flags more than factor × the usual rate for that time of day', () => {
    expect(detectSpike(31, [10, 10, 10], config)).toMatchObject({ usual: 10, spike: true });
    expect(detectSpike(30, [10, 10, 10], config)).toMatchObject({ spike: false });
  });

  it('needs a minimum volume, so 3 instead of 1 at night is not an outage', () => {
    expect(detectSpike(9, [1, 1, 1], config)).toMatchObject({ spike: false, factor: 9 });
  });

  it('flags a busy first morning without history rather than hiding it', () => {
    expect(detectSpike(12, [], config)).toMatchObject({ usual: 0, spike: true, factor: null });
    expect(detectSpike(12, [0, 0], config)).toMatchObject({ spike: true, factor: null });
  });
});
