import { describe, expect, it } from 'vitest';
import { ClientSlots } from '../../src/lib/http/client-slots.ts';

const settled = <T>(promise: Promise<T>) => Promise.race([promise.then((v) => ({ value: v })), new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

describe("ClientSlots: one client's writes take turns for the database", () => {
  it('gives each client its slots at once, and the next in line the slot a release frees', async () => {
    const slots = new ClientSlots(2, 1_000);
    const first = await slots.acquire('a');
    const second = await slots.acquire('a');
    expect(first).toBeTypeOf('function');
    expect(await slots.acquire('b')).toBeTypeOf('function'); // another client is not in a's line
    const third = slots.acquire('a');
    expect(await settled(third)).toBe('pending');
    first!();
    first!(); // releasing twice frees one slot only
    const fourth = slots.acquire('a');
    expect(await settled(third)).toEqual({ value: expect.any(Function) });
    expect(await settled(fourth)).toBe('pending');
    second!();
    expect(await settled(fourth)).toEqual({ value: expect.any(Function) });
  });

  it('answers null to a write whose turn does not come within the wait, and forgets idle clients', async () => {
    const slots = new ClientSlots(1, 30);
    const held = await slots.acquire('a');
    expect(await slots.acquire('a')).toBeNull();
    held!();
    expect(slots.size).toBe(0);
    const again = await slots.acquire('a');
    expect(again).toBeTypeOf('function');
    again!();
    expect(slots.size).toBe(0);
  });
});
