import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicAccess, ViewRenderer, pageContext, sendPage } from '@app/core';

@ApiExcludeController()
@PublicAccess()
@Controller()
export class HomeController {
  constructor(private readonly views: ViewRenderer) {}

  @Get()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return sendPage(reply, this.views, 'home.njk', pageContext(request));
  }
}
