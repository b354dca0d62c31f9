import { reconcile, staffRefsIn } from './staff-refs';

describe('staffRefsIn', () => {
  it('finds signatures under …By keys and timeline steps at any depth, and nothing else', () => {
    const value = {
      draftedBy: { id: 3, name: '王五' },
      clearedBy: null,
      transferredBy: 'hotline_12345',
      proposers: [{ name: '张代表', id: 7 }],
      publication: { decidedBy: { id: 4, name: '李四', email: 'li@x.test' } },
      events: [{ type: 'accepted', actorId: 5, actorName: '赵六' }, { type: 'applied' }],
    };
    const slots = staffRefsIn(value);
    expect(slots.map((slot) => [slot.id, slot.email])).toEqual([
      [3, undefined],
      [4, 'li@x.test'],
      [5, undefined],
    ]);
    slots[0].setEmail('wang@x.test');
    slots[2].setId(9);
    expect(value.draftedBy).toEqual({ id: 3, name: '王五', email: 'wang@x.test' });
    expect(value.events[0]).toMatchObject({ actorId: 9 });
  });

  it('reads an attribute that is itself a signature when named by its field', () => {
    const moderatedBy = { id: 2, name: 'A' };
    expect(staffRefsIn({ moderatedBy }).map((slot) => slot.id)).toEqual([2]);
  });
});

describe('reconcile', () => {
  const users = {
    emailOf: new Map([
      [1, 'new@x.test'],
      [2, 'coordinator@x.test'],
    ]),
    idOf: new Map([
      ['new@x.test', 1],
      ['coordinator@x.test', 2],
    ]),
  };

  it('keeps a pair whose id has the e-mail, and points a shifted id at the e-mail’s user', () => {
    expect(reconcile({ id: 2, email: 'coordinator@x.test' }, users)).toEqual({ kind: 'ok' });
    expect(reconcile({ id: 1, email: 'Coordinator@X.test' }, users)).toEqual({
      kind: 'repoint',
      to: 2,
    });
  });

  it('reports an e-mail nobody has, clearing the id only when someone else holds it', () => {
    expect(reconcile({ id: 1, email: 'gone@x.test' }, users)).toEqual({
      kind: 'missing',
      clear: true,
    });
    expect(reconcile({ id: 8, email: 'gone@x.test' }, users)).toEqual({
      kind: 'missing',
      clear: false,
    });
  });
});
