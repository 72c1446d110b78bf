import { Controller, Get, NotFoundException, Param, Query, BadRequestException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequireRoles } from '@c360/platform';
import { IdentityGraphRepository } from '@c360/resolver-data-access';

/** Profile look-ups, for callers with a key holding profiles.read. The resolver issue adds search and steward actions. */
@Controller('profiles')
@RequireRoles('profiles.read')
export class ProfilesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: IdentityGraphRepository,
  ) {}

  /** Look up by identifier: /profiles?email=a@example.com or ?phone=+49... */
  @Get()
  async lookup(@Query('email') email?: string, @Query('phone') phone?: string) {
    const key = email ? { type: 'EMAIL', value: email.trim().toLowerCase() } : phone ? { type: 'PHONE', value: phone.trim() } : null;
    if (!key) throw new BadRequestException('give email or phone');
    const id = await this.graph.profileByIdentifier(this.dataSource.manager, key);
    if (!id) throw new NotFoundException(`no profile with ${key.type} ${key.value}`);
    return this.graph.golden(this.dataSource.manager, id);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const current = await this.graph.resolveId(this.dataSource.manager, id);
    if (!current) throw new NotFoundException(`no profile ${id}`);
    return this.graph.golden(this.dataSource.manager, current);
  }

  @Get(':id/explain')
  async explain(@Param('id') id: string) {
    const current = await this.graph.resolveId(this.dataSource.manager, id);
    if (!current) throw new NotFoundException(`no profile ${id}`);
    return this.graph.explain(this.dataSource.manager, current);
  }
}
