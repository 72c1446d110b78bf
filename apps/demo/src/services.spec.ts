import { describe, expect, it } from 'vitest';
import { demoPortBase, servicesAt } from './services';

describe('the services’ ports', () => {
  it('are 3101 to 3104 unless C360_DEMO_PORT_BASE moves them', () => {
    expect(servicesAt(demoPortBase({}))).toEqual([
      { name: 'ingestor', port: 3101 },
      { name: 'resolver', port: 3102 },
      { name: 'insights', port: 3103 },
      { name: 'activation', port: 3104 },
    ]);
    expect(servicesAt(demoPortBase({ C360_DEMO_PORT_BASE: '3200' })).map((s) => s.port)).toEqual([3201, 3202, 3203, 3204]);
  });

  it('refuse a base that is not a port', () => {
    expect(() => demoPortBase({ C360_DEMO_PORT_BASE: 'x' })).toThrow(/C360_DEMO_PORT_BASE/);
    expect(() => demoPortBase({ C360_DEMO_PORT_BASE: '65533' })).toThrow(/C360_DEMO_PORT_BASE/);
  });
});
