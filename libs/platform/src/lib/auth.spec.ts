// Profile data is only for authenticated callers: the key must be known and hold the route's role.
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { ApiKeyGuard, apiKeysSchema } from './auth';

const keys = apiKeysSchema.parse('store-app:profiles.read:store-app-key-0123456789,steward-ui:profiles.read+profiles.steward:steward-key-0123456789');

function context(headers: Record<string, string>, roles: string[] | undefined) {
  const request: { headers: Record<string, string>; caller?: { name: string } } = { headers };
  const handler = () => undefined;
  const reflector = new Reflector();
  reflector.getAllAndOverride = (() => roles) as Reflector['getAllAndOverride'];
  const ctx = { getHandler: () => handler, getClass: () => Object, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  return { guard: new ApiKeyGuard(keys, reflector), ctx, request };
}

describe('API keys', () => {
  it('lets a key with the role through and names the caller', () => {
    const { guard, ctx, request } = context({ 'x-api-key': 'steward-key-0123456789' }, ['profiles.steward']);
    expect(guard.canActivate(ctx)).toBe(true);
    expect(request.caller?.name).toBe('steward-ui');
    const bearer = context({ authorization: 'Bearer store-app-key-0123456789' }, ['profiles.read']);
    expect(bearer.guard.canActivate(bearer.ctx)).toBe(true);
  });

  it('refuses a missing or unknown key (401) and a key without the role (403)', () => {
    const none = context({}, ['profiles.read']);
    expect(() => none.guard.canActivate(none.ctx)).toThrow(UnauthorizedException);
    const unknown = context({ 'x-api-key': 'store-app-key-01234567890' }, ['profiles.read']);
    expect(() => unknown.guard.canActivate(unknown.ctx)).toThrow(UnauthorizedException);
    const weak = context({ 'x-api-key': 'store-app-key-0123456789' }, ['profiles.steward']);
    expect(() => weak.guard.canActivate(weak.ctx)).toThrow(ForbiddenException);
  });

  it('leaves routes without roles open (health, metrics)', () => {
    const open = context({}, undefined);
    expect(open.guard.canActivate(open.ctx)).toBe(true);
  });

  it('refuses short keys and malformed entries when the configuration is read', () => {
    expect(apiKeysSchema.safeParse('a:profiles.read:short').success).toBe(false);
    expect(apiKeysSchema.safeParse('no-roles-here-0123456789').success).toBe(false);
    expect(apiKeysSchema.parse('').size).toBe(0);
  });
});
