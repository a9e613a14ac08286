import type { FastifyReply } from 'fastify';

/** What a page's answer does to the reply besides its body (a session cookie set or cleared). */
export type ReplyEffect = (reply: FastifyReply) => void;

/** An answer of a page handler other than a plain model. */
export abstract class PageAnswer {
  readonly effects: ReplyEffect[] = [];

  /** Also does this to the reply (set or clear a cookie) when the answer is sent. */
  with(effect: ReplyEffect): this {
    this.effects.push(effect);
    return this;
  }
}

/** What a page handler returns to send the browser on: 303 See Other (after a form, a GET). */
export class Redirect extends PageAnswer {
  constructor(readonly location: string) {
    super();
  }
}

export function seeOther(location: string): Redirect {
  return new Redirect(location);
}

/** Sends the redirect; never cached, as where it leads can depend on the session. */
export function sendRedirect(reply: FastifyReply, redirect: Redirect): FastifyReply {
  for (const effect of redirect.effects) effect(reply);
  return reply
    .code(303)
    .header('location', redirect.location)
    .header('cache-control', 'no-store')
    .send();
}
