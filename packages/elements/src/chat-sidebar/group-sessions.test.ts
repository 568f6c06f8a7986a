import { expect } from '@open-wc/testing';
import type { Session } from '@parley/sdk';
import { defaultStrings } from '../strings/chat-strings';
import { groupSessions } from './group-sessions';

const now = new Date(2025, 10, 4, 15, 0);
const hours = (count: number) => new Date(now.getTime() - count * 3_600_000).toISOString();

function session(id: string, updatedAt: string): Session {
  return { id, model_id: null, title: id, is_active: true, created_at: updatedAt, updated_at: updatedAt };
}

describe('groupSessions', () => {
  it('groups by local day: today, yesterday, 7 days, 30 days, older', () => {
    const groups = groupSessions(
      [
        session('a', hours(1)),
        session('b', hours(14)),
        session('c', hours(20)),
        session('d', hours(24 * 4)),
        session('e', hours(24 * 20)),
        session('f', hours(24 * 90)),
      ],
      defaultStrings,
      now,
    );
    expect(groups.map((group) => [group.label, group.sessions.map((entry) => entry.id)])).to.deep.equal([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['Previous 7 days', ['d']],
      ['Previous 30 days', ['e']],
      ['Older', ['f']],
    ]);
  });

  it('uses the replaced strings', () => {
    const groups = groupSessions([session('a', hours(1))], { ...defaultStrings, today: "Aujourd'hui" }, now);
    expect(groups[0]?.label).to.equal("Aujourd'hui");
  });
});
