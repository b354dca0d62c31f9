import {
  GENESIS_HASH,
  chainHash,
  verifyChain,
  type AuditRecord,
  type ChainedAuditRecord,
} from './audit-chain';

const chain = (count: number): ChainedAuditRecord[] => {
  const rows: ChainedAuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const record: AuditRecord = {
      seq,
      at: `2018-01-0${seq}T00:00:00.000Z`,
      contentType: 'api::article.article',
      documentId: 'doc1',
      locale: 'zh-Hans',
      action: 'submit',
      fromState: 'draft',
      toState: 'submitted',
      actorId: seq,
      actorName: `user ${seq}`,
      actorRoles: ['editor'],
      reason: null,
      category: null,
      contentHash: 'abc',
      prevHash,
    };
    const hash = chainHash(record);
    rows.push({ ...record, hash });
    prevHash = hash;
  }
  return rows;
};

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const rows = chain(4);
    expect(verifyChain(rows)).toEqual({ ok: true, entries: 4, lastHash: rows[3].hash });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('catches an edited entry', () => {
    const rows = chain(4);
    rows[1] = { ...rows[1], reason: 'edited afterwards' };
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'entry 2 was changed after it was written',
    });
  });

  it('catches an edited entry whose hash was recomputed', () => {
    const rows = chain(4);
    const { hash: _old, ...fields } = { ...rows[1], actorName: 'someone else' };
    rows[1] = { ...fields, hash: chainHash(fields) };
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'entry 3 does not link to entry 2',
    });
  });

  it('catches a deleted entry', () => {
    const rows = chain(4);
    rows.splice(2, 1);
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'entry 3 is missing: the next entry is number 4',
    });
  });
});

describe('chain version 2: the actor’s e-mail', () => {
  it('keeps entries written before it verifiable once their e-mail is filled in beside them', () => {
    const rows = chain(3).map((row) => ({ ...row, actorEmail: `user${row.seq}@example.test` }));
    expect(verifyChain(rows)).toMatchObject({ ok: true, entries: 3 });
  });

  it('covers the e-mail of new entries: changing it breaks the chain there', () => {
    const old = chain(1);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { hash, ...first } = old[0];
    const record: AuditRecord = {
      ...first,
      seq: 2,
      prevHash: old[0].hash,
      actorEmail: 'head@example.test',
      chainVersion: 2,
    };
    const rows = [...old, { ...record, hash: chainHash(record) }];
    expect(verifyChain(rows)).toMatchObject({ ok: true, entries: 2 });
    expect(verifyChain([old[0], { ...rows[1], actorEmail: 'other@example.test' }])).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
    // Dropping the version to pass the e-mail off as filled in later is found too.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { chainVersion, ...downgraded } = rows[1];
    expect(verifyChain([old[0], downgraded])).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
