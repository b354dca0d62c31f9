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
});
