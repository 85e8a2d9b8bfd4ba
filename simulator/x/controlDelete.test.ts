import request from 'supertest';
import { createSimulatorApp } from '../app';
import { AUTH, seedPost } from '../testHelpers';

describe('DELETE /_sim/x/posts/:id (a customer deletes their post)', () => {
  it('hides the post from mentions and makes a reply to it fail with the deleted-post 403', async () => {
    const { app } = createSimulatorApp();
    const id = await seedPost(app, { username: 'lena', text: '@demo_hilft Hilfe' });
    expect((await request(app).delete(`/_sim/x/posts/${id}`)).status).toBe(204);
    const mentions = await request(app).get('/2/users/1600000000000000001/mentions').set(AUTH);
    expect(mentions.body.data).toBeUndefined();
    const reply = await request(app)
      .post('/2/tweets')
      .set(AUTH)
      .send({ text: 'Wir helfen gern ^AB', reply: { in_reply_to_tweet_id: id } });
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(/deleted or not visible/);
    expect((await request(app).delete(`/_sim/x/posts/${id}`)).status).toBe(404);
  });
});
