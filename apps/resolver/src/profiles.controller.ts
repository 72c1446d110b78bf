import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { type ApiCaller, RequireRoles } from '@c360/platform';
import { IdentityGraphRepository } from '@c360/resolver-data-access';
import { type BatchOutcome, type MatchingConfig, identifierKey, jaroWinkler, nameKey, profileRecord } from '@c360/resolver-domain';
import { IdentityGraphService, MATCHING_CONFIG } from './identity-graph.service';

const decisionSchema = z.object({
  /** Source records as 'source:sourceRecordId'. */
  a: z.string().min(3).includes(':'),
  b: z.string().min(3).includes(':'),
  kind: z.enum(['force-link', 'never-link']),
  reason: z.string().min(1).max(500),
});

const bad = (reasonCode: string, message: string) => new BadRequestException({ reasonCode, message });

/** What a steward's action changed, for the answer. */
const summary = (o: BatchOutcome) => ({
  changes: o.changes.map((c) => ({ ...c, ...('link' in c ? { link: c.link && { rule: c.link.rule, score: c.link.score, values: c.link.values } } : {}) })),
  endedProfiles: Object.fromEntries(o.droppedProfiles),
});

/**
 * The profile API: profiles by id or alias, by any identifier, by name and postcode, why a
 * profile holds its records, and the stewards' force-link and never-link decisions.
 */
@Controller()
export class ProfilesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: IdentityGraphRepository,
    private readonly identity: IdentityGraphService,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /**
   * Look up by identifier: ?email=, ?phone= (E.164), or ?type=LOYALTY_ID&value=...&issuer=...
   * Answers the profile; 300 with the candidates when several persons share the value.
   */
  @Get('profiles')
  @RequireRoles('profiles.read', 'profiles.steward')
  async lookup(@Query('email') email?: string, @Query('phone') phone?: string, @Query('type') type?: string, @Query('value') value?: string, @Query('issuer') issuer?: string) {
    const [t, v] = email ? ['EMAIL', email] : phone ? ['PHONE', phone.replace(/[\s()-]/g, '')] : type && value ? [type.toUpperCase(), value] : [null, null];
    if (!t || !v) throw bad('missing-identifier', 'give email, phone, or type and value (and issuer for issuer-scoped types such as LOYALTY_ID)');
    if (!this.config.identifierRank.has(t)) throw bad('unknown-identifier-type', `${t} is not an identifier type the resolver links on`);
    const key = identifierKey(t, v, issuer ?? null, this.config);
    const ids = await this.graph.profilesByValue(this.dataSource.manager, key);
    if (ids.length === 0) throw new NotFoundException({ reasonCode: 'not-found', message: `no profile holds ${key}` });
    if (ids.length > 1)
      throw new HttpException({ reasonCode: 'ambiguous', message: `${ids.length} profiles hold ${key} (a shared value)`, profileIds: ids }, HttpStatus.AMBIGUOUS);
    return this.profile(ids[0]!);
  }

  /** Search by name and postcode: ?name=Anna Schmidt&postcode=10115 (family name alone works; postcode optional). */
  @Get('profiles/search')
  @RequireRoles('profiles.read', 'profiles.steward')
  async search(@Query('name') name?: string, @Query('postcode') postcode?: string) {
    const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) throw bad('missing-name', 'give name (given and family, or family alone)');
    const family = nameKey(words.at(-1)!);
    const given = words.length > 1 ? nameKey(words.slice(0, -1).join(' ')) : null;
    if (!family) throw bad('invalid-name', 'the name has no letters to search by');
    const hits = await this.graph.searchByName(this.dataSource.manager, family, postcode ? postcode.replace(/\s+/g, '').toUpperCase() : null);
    const best = new Map<string, { score: number; records: string[] }>();
    for (const h of hits) {
      const g = h.party.name?.givenKey ?? null;
      const score = given === null ? 1 : g === null ? 0.5 : jaroWinkler(given, g);
      const entry = best.get(h.profileId) ?? best.set(h.profileId, { score: 0, records: [] }).get(h.profileId)!;
      entry.score = Math.max(entry.score, score);
      entry.records.push(h.record);
    }
    const ranked = [...best].filter(([, e]) => e.score >= 0.8).sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
    const facts = await this.graph.profileFacts(this.dataSource.manager, ranked.map(([id]) => id));
    return {
      results: ranked.flatMap(([id, e]) => {
        const f = facts.get(id);
        return f ? [{ score: Math.round(e.score * 1000) / 1000, matchedRecords: e.records.sort(), profile: profileRecord(f, this.config) }] : [];
      }),
    };
  }

  @Get('profiles/:id')
  @RequireRoles('profiles.read', 'profiles.steward')
  async get(@Param('id') id: string) {
    const current = await this.graph.resolveId(this.dataSource.manager, id);
    if (!current) throw new NotFoundException({ reasonCode: 'not-found', message: `no profile ${id}` });
    return this.profile(current);
  }

  @Get('profiles/:id/explain')
  @RequireRoles('profiles.read', 'profiles.steward')
  async explain(@Param('id') id: string) {
    const current = await this.graph.resolveId(this.dataSource.manager, id);
    if (!current) throw new NotFoundException({ reasonCode: 'not-found', message: `no profile ${id}` });
    return this.graph.explain(this.dataSource.manager, current);
  }

  /** A steward says two source records are one person (force-link) or two (never-link). */
  @Post('steward/decisions')
  @HttpCode(200)
  @RequireRoles('profiles.steward')
  async decide(@Body() body: unknown, @Req() req: { caller?: ApiCaller }) {
    const parsed = decisionSchema.safeParse(body);
    if (!parsed.success) throw bad('invalid-decision', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { a, b, kind, reason } = parsed.data;
    if (a === b) throw bad('invalid-decision', 'a and b must be two different records');
    const known = await this.graph.existingRecords(this.dataSource.manager, [a, b]);
    const unknown = [a, b].filter((r) => !known.has(r));
    if (unknown.length > 0) throw new NotFoundException({ reasonCode: 'unknown-record', message: `no source record ${unknown.join(', ')}` });
    const outcome = await this.identity.decide(a, b, kind, reason, req.caller?.name ?? 'unknown');
    return { decision: { a, b, kind, reason }, ...summary(outcome) };
  }

  /** Withdraws a steward's decision about two records: the rules decide again. */
  @Delete('steward/decisions')
  @RequireRoles('profiles.steward')
  async withdraw(@Query('a') a?: string, @Query('b') b?: string) {
    if (!a || !b) throw bad('invalid-decision', 'give a and b');
    const outcome = await this.identity.withdraw(a, b);
    if (!outcome) throw new NotFoundException({ reasonCode: 'not-found', message: `no decision about ${a} and ${b}` });
    return summary(outcome);
  }

  private async profile(id: string) {
    const facts = (await this.graph.profileFacts(this.dataSource.manager, [id])).get(id);
    if (!facts) throw new NotFoundException({ reasonCode: 'not-found', message: `no profile ${id}` });
    return profileRecord(facts, this.config);
  }
}
