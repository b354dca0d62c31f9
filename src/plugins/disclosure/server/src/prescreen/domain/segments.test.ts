import { blockText, itemContent } from './segments';

const ATTRIBUTES = {
  title: { type: 'string' },
  summary: { type: 'text' },
  body: { type: 'blocks' },
  metadata: { type: 'component' },
  attachments: { type: 'media' },
  cover: { type: 'media' },
  column: { type: 'relation' },
  documentId: { type: 'string' },
};

describe('what of an item the pre-screen reads', () => {
  const { segments, files } = itemContent(
    {
      documentId: 'abc',
      title: '关于某事的通知',
      summary: '',
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: '第一段' }] },
        { type: 'heading', level: 2, children: [{ type: 'text', text: '秘密' }] },
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: '甲' }] },
            {
              type: 'list-item',
              children: [
                { type: 'text', text: '乙 ' },
                { type: 'link', url: 'x', children: [{ type: 'text', text: '链接' }] },
              ],
            },
          ],
        },
      ],
      metadata: { id: 3, docNumber: '工信发〔2018〕12号', disclosureMode: 'proactive' },
      attachments: [
        { id: 1, name: 'a.pdf', url: '/uploads/a.pdf', mime: 'application/pdf', ext: '.pdf' },
      ],
      cover: { id: 2, name: 'c.jpg', url: '/uploads/c.jpg', mime: 'image/jpeg', ext: '.jpg' },
      column: { documentId: 'col', name: '通知公告' },
    },
    ATTRIBUTES
  );

  it('names each text by field, block and component field, and skips empty texts and relations', () => {
    expect(segments).toEqual([
      { text: '关于某事的通知', location: { field: 'title' } },
      { text: '第一段', location: { field: 'body', block: 0 } },
      { text: '秘密', location: { field: 'body', block: 1 } },
      { text: '甲\n乙 链接', location: { field: 'body', block: 2 } },
      { text: '工信发〔2018〕12号', location: { field: 'metadata.docNumber' } },
      { text: 'proactive', location: { field: 'metadata.disclosureMode' } },
    ]);
  });

  it('lists the files of every media field', () => {
    expect(files.map((file) => [file.field, file.name])).toEqual([
      ['attachments', 'a.pdf'],
      ['cover', 'c.jpg'],
    ]);
  });

  it('reads the text of a block without its markup', () => {
    expect(
      blockText({ type: 'quote', children: [{ type: 'text', text: '引文', bold: true }] })
    ).toBe('引文');
  });
});
