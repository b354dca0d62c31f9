import { validateIntake } from './intake';

const valid = {
  applicantType: 'commercial',
  name: '示范科技有限公司',
  contactPerson: '李四',
  idType: 'credit_code',
  idNumber: '91210100MA0000000X',
  phone: '024-12345678',
  title: '2018年技术改造项目备案情况',
  form: 'paper',
  delivery: 'post',
  address: '示范市和平区1号',
};

const fields = (body: unknown) => {
  const result = validateIntake(body);
  return 'errors' in result ? result.errors.map((error) => error.field) : [];
};

describe('the request intake', () => {
  it('accepts a complete request and trims it', () => {
    const result = validateIntake({ ...valid, name: '  示范科技有限公司 ' });
    expect('intake' in result && result.intake.name).toBe('示范科技有限公司');
  });

  it('names every missing or invalid field at once', () => {
    expect(
      fields({ ...valid, name: '', phone: 'call me', applicantType: 'firm', extra: 1 })
    ).toEqual(['extra', 'applicantType', 'name', 'phone']);
  });

  it('needs the address for delivery by post and the email for delivery by email', () => {
    expect(fields({ ...valid, address: undefined })).toEqual(['address']);
    expect(fields({ ...valid, delivery: 'email' })).toEqual(['email']);
  });

  it('refuses something that is not an object', () => {
    expect(fields('name=张三')).toEqual(['']);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'refuses "%s" as an unknown field, naming it (Object.prototype is not a list of fields)',
    (key) => {
      const body = JSON.parse(JSON.stringify(valid));
      Object.defineProperty(body, key, { value: 'x', enumerable: true });
      expect(validateIntake(body)).toEqual({
        errors: [{ field: key, message: `Unknown field "${key}".` }],
      });
    }
  );

  it.each(['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\n', '\r', '\t'])(
    'refuses a control character (%j) in a one-line field, naming the field',
    (char) => {
      for (const field of ['name', 'contactPerson', 'address', 'title', 'docNumber']) {
        expect(validateIntake({ ...valid, [field]: `示范${char}文字` })).toEqual({
          errors: [{ field, message: `"${field}" must not contain control characters.` }],
        });
      }
    }
  );

  it('allows tab and line breaks in the description, and no other control character', () => {
    const result = validateIntake({ ...valid, description: '第一段\n\t第二段\r\n第三段' });
    expect('intake' in result && result.intake.description).toBe('第一段\n\t第二段\r\n第三段');
    expect(validateIntake({ ...valid, description: '第一段\u0000第二段' })).toEqual({
      errors: [
        {
          field: 'description',
          message:
            '"description" must not contain control characters other than tab and line breaks.',
        },
      ],
    });
  });

  it('names a control character before checking the list of values', () => {
    expect(validateIntake({ ...valid, applicantType: 'natural\u0000' })).toEqual({
      errors: [
        { field: 'applicantType', message: '"applicantType" must not contain control characters.' },
      ],
    });
  });
});
