import { asksForUses } from './file-uses';

describe('asksForUses', () => {
  it.each([
    [{ populate: 'related' }, true],
    [{ populate: '*' }, true],
    [{ populate: 'folder,related' }, true],
    [{ populate: ['folder', 'related'] }, true],
    [{ populate: { related: { fields: ['title'] } } }, true],
    [{ filters: { related: { id: { $notNull: true } } } }, true],
    [{ filters: { $or: [{ name: 'a' }, { related: { title: 'x' } }] } }, true],
    [{ sort: 'related.title:asc' }, true],
    [{ populate: { folder: true }, sort: 'name:ASC' }, false],
    [{ populate: { folder: '*' } }, false],
    [{ filters: { name: { $eq: '*' } } }, false],
    [{ filters: { name: { $contains: 'related' } } }, false],
    [{ _q: 'related', sort: 'name:ASC' }, false],
    [{ fields: ['name', 'related'] }, true],
  ])('on files: %j → %s', (query, expected) => {
    expect(asksForUses(query, true)).toBe(expected);
  });

  it.each([
    [{ populate: { parent: { populate: { parent: '*' } } } }, false],
    [{ populate: { files: '*' } }, true],
    [{ populate: { files: { populate: '*' } } }, true],
    [{ populate: { files: { populate: ['related'] } } }, true],
    [{ populate: { files: { populate: { folder: true } } } }, false],
  ])('on folders: %j → %s', (query, expected) => {
    expect(asksForUses(query, false)).toBe(expected);
  });
});
