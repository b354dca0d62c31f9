import { changedGuideFields, guideRefusal, missingGuideFields } from './guide';

const complete = {
  name: '废旧电力设施器材收购的许可',
  legalBasis: '《电力设施保护条例》',
  conditions: '具有固定经营场所',
  materials: '申请书',
  location: '市政务服务中心',
  hours: '工作日 9:00-17:00',
  phone: '024-00000000',
  process: '申请、受理、审查、决定、送达',
};

describe('the 办事指南 publication rule', () => {
  it('lets a complete guide through', () => {
    expect(guideRefusal(complete)).toBeNull();
  });

  it('names every missing field in Chinese, in the guide order, blank text counting as missing', () => {
    const refusal = guideRefusal({ ...complete, legalBasis: ' ', phone: null, process: undefined });
    expect(refusal).toBe(
      '「废旧电力设施器材收购的许可」的办事指南缺少设定依据、联系电话、办理流程，不能发布。'
    );
    expect(missingGuideFields({})).toHaveLength(8);
    expect(guideRefusal({})).toMatch(/^该事项的办事指南缺少事项名称、设定依据/);
  });

  it('names the fields a republication changed', () => {
    expect(
      changedGuideFields(complete, { ...complete, hours: '工作日 8:30-17:00', legalDays: 20 })
    ).toEqual(['办理时间', '法定时限']);
    expect(changedGuideFields(complete, { ...complete })).toEqual([]);
  });
});
