import { describe, expect, it } from 'vitest';
import { ToolCallAssembler } from './tool-call-assembler';

describe('ToolCallAssembler', () => {
  it('joins argument pieces and keeps parallel calls apart by index', () => {
    const calls = new ToolCallAssembler();
    calls.add({ index: 0, id: 'call_a', function: { name: 'first', arguments: '' } });
    calls.add({ index: 1, id: 'call_b', function: { name: 'second', arguments: '{"b"' } });
    calls.add({ index: 0, function: { arguments: '{"a":' } });
    calls.add({ index: 1, function: { arguments: ':2}' } });
    calls.add({ index: 0, function: { arguments: '1}' } });

    expect(calls.take()).toEqual([
      { id: 'call_a', name: 'first', arguments: '{"a":1}' },
      { id: 'call_b', name: 'second', arguments: '{"b":2}' },
    ]);
    expect(calls.size).toBe(0);
  });

  it('does not repeat a name that a server sends in every delta', () => {
    const calls = new ToolCallAssembler();
    calls.add({ index: 0, id: 'call_a', function: { name: 'lookup', arguments: '{"q":' } });
    calls.add({ index: 0, id: 'call_a', function: { name: 'lookup', arguments: '"x"}' } });

    expect(calls.take()).toEqual([{ id: 'call_a', name: 'lookup', arguments: '{"q":"x"}' }]);
  });

  it('splits calls that a server numbers all 0 by their ids', () => {
    const calls = new ToolCallAssembler();
    calls.add({ index: 0, id: 'call_a', function: { name: 'one', arguments: '{}' } });
    calls.add({ index: 0, id: 'call_b', function: { name: 'two', arguments: '{"n":2}' } });

    expect(calls.take()).toEqual([
      { id: 'call_a', name: 'one', arguments: '{}' },
      { id: 'call_b', name: 'two', arguments: '{"n":2}' },
    ]);
  });

  it('handles deltas without index, continuing the last call until a new id arrives', () => {
    const calls = new ToolCallAssembler();
    calls.add({ function: { name: 'one', arguments: '{"a"' } });
    calls.add({ function: { arguments: ':1}' } });
    calls.add({ id: 'call_2', function: { name: 'two', arguments: '{' } });
    calls.add({ id: 'call_2', function: { arguments: '}' } });
    const [first, second, extra] = calls.take();

    expect(first).toMatchObject({ name: 'one', arguments: '{"a":1}' });
    expect(second).toEqual({ id: 'call_2', name: 'two', arguments: '{}' });
    expect(extra).toBeUndefined();
  });

  it('gives calls without an id distinct ids', () => {
    const calls = new ToolCallAssembler();
    calls.add({ index: 0, function: { name: 'one', arguments: '{}' } });
    calls.add({ index: 1, function: { name: 'two', arguments: '{}' } });
    const [first, second] = calls.take();

    expect(first!.id).toMatch(/\S/);
    expect(second!.id).toMatch(/\S/);
    expect(first!.id).not.toBe(second!.id);
  });
});
