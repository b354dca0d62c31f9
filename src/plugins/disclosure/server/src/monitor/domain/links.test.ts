import { classifyLink, extractLinks, httpVerdict, nextSlot, originOf } from './links';

const ATTRIBUTES = {
  title: { type: 'string' },
  summary: { type: 'text' },
  body: { type: 'blocks' },
  notes: { type: 'richtext' },
  cover: { type: 'media' },
  attachments: { type: 'media' },
};

describe('extractLinks', () => {
  it('finds link nodes at any depth of blocks, markdown links and hrefs, and media files', () => {
    const entry = {
      title: 'http://not-a-link.example/in-a-title',
      summary: 'see http://plain.example/',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '见' },
            { type: 'link', url: '/uploads/a.pdf', children: [{ type: 'text', text: '附件' }] },
          ],
        },
        {
          type: 'list',
          children: [
            {
              type: 'list-item',
              children: [{ type: 'link', url: 'https://www.gov.cn/', children: [] }],
            },
          ],
        },
        { type: 'image', image: { url: '/uploads/photo.jpg' }, children: [] },
        { type: 'paragraph', children: [{ type: 'link', url: '/uploads/a.pdf', children: [] }] },
      ],
      notes: '[通知](/policies/1 "标题") ![图](/uploads/b.png) <a href="https://x.example/p">x</a>',
      cover: { url: '/uploads/cover.jpg' },
      attachments: [{ url: '/uploads/c.docx' }, { url: '/uploads/d.xlsx' }],
    };
    expect(extractLinks(ATTRIBUTES, entry)).toEqual([
      { field: 'body', url: '/uploads/a.pdf' },
      { field: 'body', url: 'https://www.gov.cn/' },
      { field: 'body', url: '/uploads/photo.jpg' },
      { field: 'notes', url: '/policies/1' },
      { field: 'notes', url: '/uploads/b.png' },
      { field: 'notes', url: 'https://x.example/p' },
      { field: 'cover', url: '/uploads/cover.jpg' },
      { field: 'attachments', url: '/uploads/c.docx' },
      { field: 'attachments', url: '/uploads/d.xlsx' },
    ]);
  });

  it('finds nothing in empty fields', () => {
    expect(
      extractLinks(ATTRIBUTES, { body: null, notes: '', cover: null, attachments: [] })
    ).toEqual([]);
  });
});

describe('classifyLink', () => {
  const own = ['https://www.example.gov.cn'];
  it('takes relative and own-host /uploads/ paths as media files', () => {
    expect(classifyLink('/uploads/a.pdf', own, null)).toEqual({
      kind: 'upload',
      path: '/uploads/a.pdf',
    });
    expect(classifyLink('https://www.example.gov.cn/uploads/a.pdf?x=1', own, null)).toEqual({
      kind: 'upload',
      path: '/uploads/a.pdf',
    });
  });
  it('takes other own paths as site pages, absolute against the website when there is one', () => {
    expect(classifyLink('/zwgk/1.html?a=b', own, null)).toEqual({
      kind: 'site',
      url: '/zwgk/1.html?a=b',
    });
    expect(classifyLink('/zwgk/1.html', own, 'https://www.example.gov.cn/')).toEqual({
      kind: 'site',
      url: 'https://www.example.gov.cn/zwgk/1.html',
    });
  });
  it('takes other hosts as external, and skips mail, phone, anchors and other schemes', () => {
    expect(classifyLink('https://www.gov.cn/a', own, null)).toEqual({
      kind: 'external',
      url: 'https://www.gov.cn/a',
    });
    expect(classifyLink('http://www.example.gov.cn:8080/a', own, null).kind).toBe('external');
    for (const url of ['mailto:a@b.cn', 'tel:12345', '#top', 'javascript:void(0)', 'ftp://x/y']) {
      expect(classifyLink(url, own, null)).toEqual({ kind: 'skip' });
    }
  });
});

describe('originOf, httpVerdict, nextSlot', () => {
  it('reads origins of http(s) URLs only', () => {
    expect(originOf('https://a.example/x/')).toBe('https://a.example');
    expect(originOf('')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('ftp://a.example')).toBeNull();
  });
  it('calls 2xx and 3xx ok, 404 and 410 missing, other statuses errors', () => {
    expect(httpVerdict(200)).toEqual({ ok: true, reason: null });
    expect(httpVerdict(301).ok).toBe(true);
    expect(httpVerdict(404)).toEqual({ ok: false, reason: '页面不存在（HTTP 404）' });
    expect(httpVerdict(500)).toEqual({ ok: false, reason: '访问出错（HTTP 500）' });
  });
  it('spaces requests to one host by the rate, other hosts not', () => {
    const last = new Map<string, number>();
    expect(nextSlot(last, 'a', 1000, 2)).toBe(0);
    expect(nextSlot(last, 'a', 1100, 2)).toBe(400);
    expect(nextSlot(last, 'a', 1200, 2)).toBe(800);
    expect(nextSlot(last, 'b', 1200, 2)).toBe(0);
    expect(nextSlot(last, 'a', 5000, 2)).toBe(0);
  });
});
