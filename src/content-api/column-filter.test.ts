import { errors } from '@strapi/utils';
import { takeColumnParams } from './column-filter';

describe('takeColumnParams', () => {
  it('takes the column parameters out and leaves the rest of the query', () => {
    const { params, rest } = takeColumnParams({
      column: 'work-news',
      includeSubColumns: 'true',
      sort: 'title:asc',
    });
    expect(params).toEqual({ column: 'work-news', includeSubColumns: true });
    expect(rest).toEqual({ sort: 'title:asc' });
  });

  it('defaults to no column filter', () => {
    expect(takeColumnParams({}).params).toEqual({ column: undefined, includeSubColumns: false });
  });

  it.each([
    [{ column: ['a', 'b'] }, 'column'],
    [{ column: 'Not A Code' }, 'column'],
    [{ column: 'x', includeSubColumns: 'yes' }, 'includeSubColumns'],
    [{ includeSubColumns: 'true' }, 'includeSubColumns'],
  ])('rejects %j with a ValidationError naming %s', (query, key) => {
    let thrown: unknown;
    try {
      takeColumnParams(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(errors.ValidationError);
    expect((thrown as InstanceType<typeof errors.ValidationError>).details).toEqual({ key });
  });
});
