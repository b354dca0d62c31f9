import { contentHash, reviewableContent } from './content-hash';

const draft = {
  id: 7,
  documentId: 'doc1',
  title: '通知',
  createdAt: '2018-01-01T00:00:00.000Z',
  updatedAt: '2018-01-02T00:00:00.000Z',
  publishedAt: null,
  locale: 'zh-Hans',
  column: { id: 3, documentId: 'col1', name: '通知公告' },
  attachments: [
    {
      id: 11,
      url: '/uploads/a.pdf',
      size: 12.5,
      hash: 'a_1',
      mime: 'application/pdf',
      name: 'a.pdf',
      createdAt: 'x',
    },
  ],
  metadata: { id: 99, indexNumber: 'X/2018-00001', docNumber: '工信发〔2018〕12号' },
};

/** The attributes of the type: `interpretations` is the inverse side of a relation. */
const ATTRIBUTES = {
  title: { type: 'string' },
  column: { type: 'relation' },
  attachments: { type: 'media' },
  metadata: { type: 'component' },
  interpretations: { type: 'relation', mappedBy: 'policyDocument' },
};

describe('contentHash', () => {
  it('ignores ids, timestamps, locale and the index number', () => {
    const later = {
      ...draft,
      id: 8,
      updatedAt: '2019-01-01T00:00:00.000Z',
      column: { ...draft.column, id: 4, name: 'renamed column' },
      metadata: { ...draft.metadata, id: 100, indexNumber: null },
    };
    expect(contentHash(later, ATTRIBUTES)).toBe(contentHash(draft, ATTRIBUTES));
  });

  it('does not depend on the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries(draft).reverse());
    expect(contentHash(reordered, ATTRIBUTES)).toBe(contentHash(draft, ATTRIBUTES));
  });

  it.each([
    ['a field', { title: '通知（修改）' }],
    ['a linked document', { column: { id: 3, documentId: 'col2' } }],
    ['a component field', { metadata: { ...draft.metadata, docNumber: '工信发〔2018〕13号' } }],
    [
      'an attachment replaced',
      { attachments: [{ ...draft.attachments[0], hash: 'b_2', size: 13 }] },
    ],
    ['an attachment removed', { attachments: [] }],
  ])('changes when %s changes', (_what, change) => {
    expect(contentHash({ ...draft, ...change }, ATTRIBUTES)).not.toBe(
      contentHash(draft, ATTRIBUTES)
    );
  });

  it('keeps what reviewers approve and nothing else', () => {
    expect(reviewableContent(draft, ATTRIBUTES)).toEqual({
      title: '通知',
      column: 'col1',
      attachments: [
        {
          file: 11,
          url: '/uploads/a.pdf',
          size: 12.5,
          hash: 'a_1',
          mime: 'application/pdf',
          name: 'a.pdf',
        },
      ],
      metadata: { docNumber: '工信发〔2018〕12号' },
    });
  });

  it('leaves out the items linking to this one (the inverse side of a relation): this item does not publish them', () => {
    const linked = {
      ...draft,
      interpretations: [{ id: 5, documentId: 'draft-interpretation', title: '解读草稿' }],
    };
    expect(contentHash(linked, ATTRIBUTES)).toBe(contentHash(draft, ATTRIBUTES));
    expect(reviewableContent(linked, ATTRIBUTES)).not.toHaveProperty('interpretations');
  });

  it('keeps a relation this item owns, with the same name, when the type does not map it', () => {
    const withLinks = { ...draft, interpretations: [{ id: 5, documentId: 'i1' }] };
    const owned = { ...ATTRIBUTES, interpretations: { type: 'relation' } };
    expect(reviewableContent(withLinks, owned)).toHaveProperty('interpretations', ['i1']);
  });
});
