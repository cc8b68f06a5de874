import { describe, expect, it } from 'vitest';
import { ServiceDirectory, serviceRef, startOrder } from './service.ts';

describe('startOrder', () => {
  it('starts each module after its dependencies and keeps the listed order otherwise', () => {
    const order = startOrder([{ id: 'c', dependsOn: ['a'] }, { id: 'a' }, { id: 'b' }, { id: 'd', dependsOn: ['c', 'b'] }]);
    expect(order.map((m) => m.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('stops on a missing dependency, naming both modules', () => {
    expect(() => startOrder([{ id: 'a', dependsOn: ['ghost'] }])).toThrow('module "a" depends on "ghost", which is not enabled');
  });

  it('stops on a cycle, naming it', () => {
    expect(() =>
      startOrder([
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['c'] },
        { id: 'c', dependsOn: ['a'] },
      ]),
    ).toThrow('a cycle: a → b → c → a');
  });
});

describe('ServiceDirectory', () => {
  it('hands out a provided service under its typed ref and refuses an unknown one', () => {
    const directory = new ServiceDirectory();
    const Greeter = serviceRef<{ greet(): string }>('greeter');
    directory.provide('greeter', { greet: () => 'hi' });
    expect(directory.get(Greeter).greet()).toBe('hi');
    expect(() => directory.get(serviceRef<unknown>('other'))).toThrow('no service "other"');
    expect(() => directory.provide('greeter', {})).toThrow('twice');
  });
});
