import { Operation } from '../../domain/types';
import { rootOperations } from './requestOperations';

const op = (traceId: string, endMs: number, operation: string) => ({ traceId, endMs, operation }) as Operation;

describe('rootOperations', () => {
  it('keeps one operation per trace, the one that ended last, newest first', () => {
    const ops = rootOperations([op('a', 10, 'nested'), op('b', 5, 'b'), op('a', 20, 'root')]);
    expect(ops.map((o) => [o.traceId, o.operation])).toEqual([
      ['a', 'root'],
      ['b', 'b'],
    ]);
  });
});
