import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page, PublicAccess } from '@app/core';

@ApiExcludeController()
@PublicAccess()
@Controller()
export class HomeController {
  @Get()
  @Page('home.njk')
  home() {
    return {};
  }
}
