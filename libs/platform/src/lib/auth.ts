// API keys with roles for a service's HTTP API. Health and metrics stay open (orchestrators and
// scrapers call them); a route that names roles with @RequireRoles needs a key holding one of them.
import { createHash } from 'node:crypto';
import {
  ForbiddenException,
  Module,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { z } from 'zod';

export interface ApiCaller {
  readonly name: string;
  readonly roles: ReadonlySet<string>;
}

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * `name:role+role:key,...`, e.g. `store-app:profiles.read:<key>,steward-ui:profiles.read+profiles.steward:<key>`.
 * The name says who called in logs and errors; keys are kept only as SHA-256 digests.
 */
export const apiKeysSchema = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const callers = new Map<string, ApiCaller>();
    for (const entry of s.split(',').map((e) => e.trim()).filter(Boolean)) {
      const [name, roles, key, ...rest] = entry.split(':');
      if (!name || !roles || !key || rest.length > 0 || key.length < 16) {
        ctx.addIssue({ code: 'custom', message: `'${name ?? ''}:…': use name:role+role:key with a key of at least 16 characters` });
        continue;
      }
      callers.set(digest(key), { name, roles: new Set(roles.split('+')) });
    }
    return callers;
  });
export type ApiKeys = z.infer<typeof apiKeysSchema>;

const ROLES = 'c360:roles';

/** The caller needs an API key holding one of these roles. */
export const RequireRoles = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: ApiCaller;
}

export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeys,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers['x-api-key'] ?? request.headers.authorization;
    const presented = (Array.isArray(header) ? header[0] : header)?.replace(/^Bearer\s+/i, '');
    const caller = presented ? this.keys.get(digest(presented)) : undefined;
    if (!caller) throw new UnauthorizedException({ reasonCode: 'unauthorized', message: 'an API key is required (X-API-Key or Authorization: Bearer)' });
    if (!roles.some((r) => caller.roles.has(r))) throw new ForbiddenException({ reasonCode: 'forbidden', message: `the key of ${caller.name} lacks the role ${roles.join(' or ')}` });
    request.caller = caller;
    return true;
  }
}

@Module({})
export class AuthModule {
  /** Guards every route that declares @RequireRoles with these keys. */
  static forRoot(keys: ApiKeys): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: APP_GUARD, inject: [Reflector], useFactory: (reflector: Reflector) => new ApiKeyGuard(keys, reflector) }],
    };
  }
}
