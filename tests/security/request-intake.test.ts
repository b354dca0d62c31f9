/**
 * Outsider input on the public disclosure-request intake and status lookup: prototype keys,
 * unknown fields, control characters (NUL included) in every field of the JSON and the multipart
 * intake and in both lookup parameters, wrong query codes, malformed tracking numbers. Each probe
 * asserts the exact 400/404 and that nothing was stored.
 */
import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let tracking: { trackingNumber: string; queryCode: string };

const INTAKE = '/api/disclosure-requests';
const STATUS = '/api/disclosure-requests/status';

const APPLICANT: Record<string, string> = {
  applicantType: 'commercial',
  name: '示范科技有限公司',
  contactPerson: '李四',
  idType: 'credit_code',
  idNumber: '91210100MA0000000X',
  phone: '024-12345678',
  email: 'lisi@example.com',
  address: '示范市和平区和平路1号',
  postcode: '110000',
  title: '2018年工业企业技术改造项目备案清单',
  docNumber: '示工信发〔2018〕5号',
  description: '请提供备案清单全文',
  form: 'electronic',
  delivery: 'email',
};
const FIELDS = Object.keys(APPLICANT);
/** Keys of Object.prototype a naive `key in FIELDS` takes for fields. */
const PROTOTYPE_KEYS = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];
/** Control characters refused in every field (DEL too); NUL is probed on its own below. */
const CONTROLS = ['\u0001', '\u0008', '\u001b', '\u007f'];
/** Refused in one-line fields, allowed in the description. */
const LINE_BREAKS = ['\n', '\r', '\t'];
const NUL = '\u0000';

/** The value with `char` inside it (not at an end, where trimming would remove whitespace). */
const withChar = (field: string, char: string) => {
  const value = APPLICANT[field];
  return `${value.slice(0, 1)}${char}${value.slice(1)}`;
};
const controlMessage = (field: string) =>
  field === 'description'
    ? '"description" must not contain control characters other than tab and line breaks.'
    : `"${field}" must not contain control characters.`;

const counts = async () => ({
  requests: await app.strapi.db.query('plugin::disclosure.disclosure-request').count(),
  attachments: await app.strapi.db.query('plugin::disclosure.request-attachment').count(),
});

/** Runs a probe and checks that it stored nothing. */
async function nothingStored(probe: () => Promise<void>) {
  const before = await counts();
  await probe();
  expect(await counts()).toEqual(before);
}

const postJson = (raw: string) =>
  request(app.http).post(INTAKE).set('Content-Type', 'application/json').send(raw);
const postMultipart = (data: string) => request(app.http).post(INTAKE).field('data', data);

/** The intake's 400 for field errors: the joined messages and the list. */
const intakeError = (errors: Array<{ field: string; message: string }>) => ({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message: `The request is incomplete or invalid: ${errors.map((e) => e.message).join(' ')}`,
    details: { errors },
  },
});
/** A 400 naming one field (multipart form, status lookup). */
const fieldError = (field: string, message: string) => ({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message,
    details: { key: field, errors: [{ field, message }] },
  },
});
const NOT_FOUND = {
  data: null,
  error: {
    status: 404,
    name: 'NotFoundError',
    message: 'No request matches this tracking number and query code.',
    details: {},
  },
};

/** The applicant's JSON with one more key written as raw JSON (so `__proto__` is a key, not a prototype). */
const withKey = (key: string, value: unknown = 'x') =>
  `${JSON.stringify(APPLICANT).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`;

beforeAll(async () => {
  // Every attempt counts against the intake's rate limit: raise it for the probes.
  app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '100000' } });
  const response = await request(app.http).post(INTAKE).send(APPLICANT).expect(201);
  const { trackingNumber, queryCode } = response.body.data;
  tracking = { trackingNumber, queryCode };
});
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('prototype keys and unknown fields in the intake', () => {
  test.each(PROTOTYPE_KEYS.filter((key) => key !== '__proto__'))(
    'JSON: "%s" is an unknown field (400), nothing stored',
    (key) =>
      nothingStored(async () => {
        const response = await postJson(withKey(key)).expect(400);
        expect(response.body).toEqual(
          intakeError([{ field: key, message: `Unknown field "${key}".` }])
        );
      })
  );

  test.each(PROTOTYPE_KEYS)(
    'multipart data: "%s" is an unknown field (400), nothing stored',
    (key) =>
      nothingStored(async () => {
        const response = await postMultipart(withKey(key)).expect(400);
        expect(response.body).toEqual(
          intakeError([{ field: key, message: `Unknown field "${key}".` }])
        );
      })
  );

  const STORED_ONLY = [
    'id',
    'documentId',
    'trackingNumber',
    'queryCode',
    'queryCodeHash',
    'identityDigest',
    'state',
    'outcome',
    'answeredOn',
    'receivedOn',
    'channel',
    'reply',
    'dueDate',
    'division',
    'publishedAt',
    'locale',
  ];
  test.each(STORED_ONLY)('JSON: "%s" (kept by the office) is an unknown field (400)', (key) =>
    nothingStored(async () => {
      const response = await postJson(withKey(key, 'answered')).expect(400);
      expect(response.body).toEqual(
        intakeError([{ field: key, message: `Unknown field "${key}".` }])
      );
    })
  );

  test.each([
    ['name', { $ne: null }],
    ['name', ['张三']],
    ['title', 12],
    ['idNumber', true],
    ['email', { toString: 'x' }],
  ])('JSON: "%s" as %j is refused as not text (400)', (field, value) =>
    nothingStored(async () => {
      const response = await postJson(JSON.stringify({ ...APPLICANT, [field]: value })).expect(400);
      expect(response.body).toEqual(intakeError([{ field, message: `"${field}" must be text.` }]));
    })
  );

  it('JSON: an array body is refused (400), nothing stored', () =>
    nothingStored(async () => {
      const response = await postJson('[]').expect(400);
      expect(response.body).toEqual(
        intakeError([{ field: '', message: 'Send the request as a JSON object.' }])
      );
    }));

  test.each([
    ['"name=张三"', 'invalid JSON, only supports object and array'],
    ['42', 'invalid JSON, only supports object and array'],
    ['null', 'invalid JSON, only supports object and array'],
    ['{"name":', 'Unexpected end of JSON input'],
  ])(
    'JSON: a body that is %s is refused by the body parser (400), nothing stored',
    (raw, message) =>
      nothingStored(async () => {
        const response = await postJson(raw).expect(400);
        expect(response.body).toEqual({
          data: null,
          error: { status: 400, name: 'SyntaxError', message },
        });
      })
  );
});

describe('the multipart intake: only "data" and "attachments"', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  // (Fields named after Object.prototype never reach the intake: the multipart parser drops them.)
  test.each(['extra', 'name', 'title', 'state', 'queryCodeHash', 'trackingNumber'])(
    'a field "%s" beside "data" is refused by name (400), nothing stored',
    (field) =>
      nothingStored(async () => {
        const response = await postMultipart(JSON.stringify(APPLICANT))
          .field(field, '张三')
          .expect(400);
        const message = `Unknown multipart field(s) "${field}": send the request as JSON in "data" and files in "attachments".`;
        expect(response.body).toEqual(fieldError(field, message));
      })
  );

  test.each(['files', 'file', 'data2'])(
    'a file under "%s" instead of "attachments" is refused by name (400), nothing stored',
    (field) =>
      nothingStored(async () => {
        const response = await postMultipart(JSON.stringify(APPLICANT))
          .attach(field, PDF, 'scan.pdf')
          .expect(400);
        const message = `Unknown multipart field(s) "${field}": send the request as JSON in "data" and files in "attachments".`;
        expect(response.body).toEqual(fieldError(field, message));
      })
  );

  it('"data" sent twice is refused (400), nothing stored', () =>
    nothingStored(async () => {
      const response = await postMultipart(JSON.stringify(APPLICANT))
        .field('data', JSON.stringify(APPLICANT))
        .expect(400);
      expect(response.body).toEqual(
        fieldError('data', '"data" must be the request as JSON, sent once.')
      );
    }));

  it('a multipart body without "data" is refused (400), nothing stored', () =>
    nothingStored(async () => {
      const response = await request(app.http)
        .post(INTAKE)
        .attach('attachments', PDF, 'scan.pdf')
        .expect(400);
      expect(response.body).toEqual(
        fieldError('data', '"data" must be the request as JSON, sent once.')
      );
    }));

  test.each(['{', 'name=张三'])(
    '"data" that is not JSON (%j) is refused (400), nothing stored',
    (data) =>
      nothingStored(async () => {
        const response = await postMultipart(data).expect(400);
        expect(response.body).toEqual(fieldError('data', '"data" must be the request as JSON.'));
      })
  );

  it('refuses a raw NUL in "data" (400), nothing stored', () =>
    nothingStored(async () => {
      const response = await postMultipart('{"name":"张\u0000三"}').expect(400);
      expect(response.body).toEqual(nulRefused('the field "data"', { field: 'data' }));
    }));
});

describe('control characters in every intake field', () => {
  const cases = FIELDS.flatMap((field) =>
    [...CONTROLS, ...(field === 'description' ? [] : LINE_BREAKS)].map(
      (char) => [field, char] as const
    )
  );

  test.each(cases)('JSON: "%s" with %j is refused naming the field (400)', (field, char) =>
    nothingStored(async () => {
      const response = await postJson(
        JSON.stringify({ ...APPLICANT, [field]: withChar(field, char) })
      ).expect(400);
      expect(response.body).toEqual(intakeError([{ field, message: controlMessage(field) }]));
    })
  );

  test.each([...FIELDS.map((field) => [field, NUL] as const), ...cases])(
    'multipart data: "%s" with %j is refused naming the field (400)',
    (field, char) =>
      nothingStored(async () => {
        const response = await postMultipart(
          JSON.stringify({ ...APPLICANT, [field]: withChar(field, char) })
        ).expect(400);
        expect(response.body).toEqual(intakeError([{ field, message: controlMessage(field) }]));
      })
  );

  it('multipart data: tab and line breaks in the description are kept (201)', async () => {
    const response = await postMultipart(
      JSON.stringify({ ...APPLICANT, description: '第一段\r\n\t第二段\n第三段' })
    ).expect(201);
    const row = await app.strapi.db
      .query('plugin::disclosure.disclosure-request')
      .findOne({ where: { trackingNumber: response.body.data.trackingNumber } });
    expect(row.description).toBe('第一段\r\n\t第二段\n第三段');
  });
});

/** The app's global guard answers a NUL in a JSON body or a query before any route runs. */
const nulRefused = (where: string, details: Record<string, string>) => ({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message: `A NUL character (\\u0000) is not allowed in ${where}.`,
    details,
  },
});

describe('NUL in the JSON intake', () => {
  test.each(FIELDS)('JSON: "%s" with NUL is refused naming the field (400)', (field) =>
    nothingStored(async () => {
      const response = await postJson(
        JSON.stringify({ ...APPLICANT, [field]: withChar(field, NUL) })
      ).expect(400);
      expect(response.body).toEqual(nulRefused(`the field "${field}"`, { field }));
    })
  );
});

describe('the status lookup', () => {
  const lookup = (query: Record<string, string>) => request(app.http).get(STATUS).query(query);

  it('answers the applicant with the right number and code, without personal data', async () => {
    const response = await lookup(tracking).expect(200);
    expect(response.body.data).toMatchObject({
      trackingNumber: tracking.trackingNumber,
      state: 'registered',
    });
    expect(response.text).not.toContain(APPLICANT.name);
    expect(response.text).not.toContain(APPLICANT.idNumber);
  });

  test.each([...CONTROLS, ...LINE_BREAKS, NUL])(
    'refuses %j in "trackingNumber" or "queryCode", naming the parameter (400)',
    async (char) => {
      for (const field of ['trackingNumber', 'queryCode'] as const) {
        const value = `${tracking[field].slice(0, 4)}${char}${tracking[field].slice(4)}`;
        const response = await lookup({ ...tracking, [field]: value }).expect(400);
        expect(response.body).toEqual(
          char === NUL
            ? nulRefused(`the query parameter "${field}"`, { param: field })
            : fieldError(field, `"${field}" must not contain control characters.`)
        );
      }
    }
  );

  test.each([
    '',
    'YSQ',
    'ysq20261129-000001',
    'YSQ2026112-000001',
    'YSQ20261129-00001',
    'YSQ20261129-0000001',
    'YSQ20261129_000001',
    'YSQ20261129000001',
    ' YSQ20261129-000001',
    'YSQ20261129-000001 ',
    "YSQ20261129-000001' OR '1'='1",
    'YSQ20261129-00000%',
    '../YSQ20261129-000001',
    'ＹＳＱ20261129-000001',
    'YSQ２０２６１１２９-000001',
    `YSQ${'9'.repeat(2000)}`,
  ])('refuses the malformed tracking number %j (400)', async (trackingNumber) => {
    const response = await lookup({ trackingNumber, queryCode: tracking.queryCode }).expect(400);
    expect(response.body).toEqual(
      fieldError('trackingNumber', '"trackingNumber" is written like YSQ20261129-000123.')
    );
  });

  test.each([
    '',
    'short',
    'toolongcode',
    'abc def1',
    'abc+def1',
    'abc/def1',
    '中文中文中文中文',
    "'OR'1'=1",
  ])('refuses the malformed query code %j (400)', async (queryCode) => {
    const response = await lookup({ trackingNumber: tracking.trackingNumber, queryCode }).expect(
      400
    );
    expect(response.body).toEqual(
      fieldError(
        'queryCode',
        '"queryCode" is the 8 letters, digits, "-" or "_" given when the request was sent.'
      )
    );
  });

  /** The right code with its character at `position` changed: well-formed, wrong. */
  const wrongCode = (position: number) => {
    const code = [...tracking.queryCode];
    code[position] = code[position] === 'A' ? 'B' : 'A';
    return code.join('');
  };
  test.each([0, 1, 2, 3, 4, 5, 6, 7])(
    'answers 404 for the right code with character %d changed',
    async (position) => {
      const response = await lookup({
        trackingNumber: tracking.trackingNumber,
        queryCode: wrongCode(position),
      }).expect(404);
      expect(response.body).toEqual(NOT_FOUND);
    }
  );

  it('answers 404 for the right code in the other case, or reversed', async () => {
    const code = tracking.queryCode;
    for (const candidate of [
      code.toUpperCase(),
      code.toLowerCase(),
      [...code].reverse().join(''),
    ]) {
      if (candidate === code) continue;
      const response = await lookup({
        trackingNumber: tracking.trackingNumber,
        queryCode: candidate,
      });
      expect(response.body).toEqual(NOT_FOUND);
    }
  });

  test.each(['YSQ20180101-000000', 'YSQ20991231-999999', 'YSQ00000000-000000'])(
    'answers the same 404 for the unknown number %s',
    async (trackingNumber) => {
      const response = await lookup({ trackingNumber, queryCode: tracking.queryCode }).expect(404);
      expect(response.body).toEqual(NOT_FOUND);
    }
  );

  test.each([
    [`trackingNumber[]=${'YSQ20180101-000000'}&queryCode=AAAAAAAA`, 'trackingNumber'],
    ['trackingNumber[$ne]=x&queryCode=AAAAAAAA', 'trackingNumber'],
    ['trackingNumber=YSQ20180101-000000&queryCode[]=AAAAAAAA', 'queryCode'],
    ['trackingNumber=YSQ20180101-000000&queryCode[$ne]=x', 'queryCode'],
    ['queryCode=AAAAAAAA', 'trackingNumber'],
    ['trackingNumber=YSQ20180101-000000', 'queryCode'],
  ])('refuses ?%s as not a single number and code (400)', async (query, field) => {
    const response = await request(app.http).get(`${STATUS}?${query}`).expect(400);
    expect(response.body).toEqual(fieldError(field, 'Give "trackingNumber" and "queryCode".'));
  });

  test.each(['populate', 'filters[id]', 'fields[0]', 'sort', 'locale', 'status'])(
    'refuses the extra parameter %s (400)',
    async (name) => {
      const response = await request(app.http)
        .get(
          `${STATUS}?trackingNumber=${tracking.trackingNumber}&queryCode=${tracking.queryCode}&${name}=x`
        )
        .expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(response.body.error.message).toMatch(/^Unknown query parameter "/);
    }
  );
});
