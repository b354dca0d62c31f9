import type { FindingKind } from '../../../../shared/prescreen/contracts';
import { detect, isValidIdNumber, maskMiddle, passesLuhn } from './detectors';

const WORDS = ['涉密', '请勿外传', 'alpha'];

/** Texts that hold something the 保密审查员 must see, and its kinds (ground truth). */
const POSITIVE: Array<[string, FindingKind[]]> = [
  ['申请人张某，身份证号11010519491231002X，住址略', ['idNumber']],
  ['身份证：210102198003151239', ['idNumber']],
  ['证件号码 440301 19951106 4563', ['idNumber']],
  ['320583197707237891', ['idNumber']],
  ['公民身份号码：210211198802290018（闰年2月29日）', ['idNumber']],
  ['身份证号码为510107200101010336。', ['idNumber']],
  ['ID: 370284199208175671', ['idNumber']],
  ['１３０１０２１９６５０４１２９０１４', ['idNumber']],
  ['联系人手机：13812345678', ['mobile']],
  ['手机 138-1234-5678', ['mobile']],
  ['+86 139 1234 5678', ['mobile']],
  ['请拨打15004123456联系', ['mobile']],
  ['手机号码：19912345678，微信同号', ['mobile']],
  ['008617712345678', ['mobile']],
  ['联系电话：024-22345678', ['landline']],
  ['(024)22345678', ['landline']],
  ['（0411）8765432', ['landline']],
  ['0245-7234567', ['landline']],
  ['服务热线 400-810-1234', ['landline']],
  ['传真：22345679', ['landline']],
  ['电话：024-22345678转8001', ['landline']],
  ['银行卡号6222021234567890128', ['bankCard']],
  ['收款账户：6217 0001 2345 6788', ['bankCard']],
  ['卡号 4367-4212-3456-7896', ['bankCard']],
  ['6228480012345678903', ['bankCard']],
  ['开户行账号 5240941234567893', ['bankCard']],
  ['账号：6230 5800 0123 4567 892', ['bankCard']],
  ['邮箱：zhangsan@example.com', ['email']],
  ['Contact: li.si+news@mail.gov.cn', ['email']],
  ['发送至 wang_wu@163.com。', ['email']],
  ['E-mail：ZHAO@SINA.COM.CN', ['email']],
  ['秘密★1年', ['classification']],
  ['机密★10年\n关于某项目的通知', ['classification']],
  ['绝密 ★长期', ['classification']],
  ['密级：秘密', ['classification']],
  ['【机密】关于某项目的请示', ['classification']],
  ['秘密\n某某文件', ['classification']],
  ['  秘密 某某会议纪要', ['classification']],
  ['（秘密）', ['classification']],
  ['内部资料 注意保存', ['classification']],
  ['本材料仅供内部使用', ['classification']],
  ['此件不宜公开', ['classification']],
  ['涉密文件请勿外传', ['sensitiveWord']],
  ['Project ALPHA 资料', ['sensitiveWord']],
  ['申请人李四，手机13912345678，身份证210106197001018881', ['mobile', 'idNumber']],
];

/** Texts a 保密审查员 would pass: look-alikes, wrong check digits, 秘密 in ordinary words. */
const NEGATIVE: string[] = [
  '110105194912310020',
  '210102198003151230',
  '210211198902290015',
  '110105199013010026',
  '010105199001010025',
  '110105185001010021',
  '文号：工信发〔2018〕12号',
  '索引号 11441700007280420Y/2021-00050',
  '统一社会信用代码 91210102MA0Y8XKQ1Y',
  '订单编号 20181203000012345678',
  '金额：12345678元',
  '2018年12月3日印发',
  '共计 1380 万元，同比增长 12.5%',
  '项目编号 6222021234567890',
  '流水号 1234567890123456',
  '邮编 110032',
  '《秘密花园》读后感',
  '推荐阅读《秘密花园》一书',
  '秘密花园',
  '机密文件管理办法修订说明',
  '依法保护国家秘密',
  '属于国家秘密的，不予公开',
  '涉及商业秘密和个人隐私的除外',
  '绝密档案揭秘展览开幕',
  '秘密地进行了三轮调研',
  '《内部资料管理规定》印发',
  '转发《不宜公开信息目录编制指引》',
  '电子邮件地址格式为 用户名@域名',
  'name at example dot com',
  '@工信局官方微博',
  'A股代码600519',
  '电话号码请填写在表格第3栏',
  '2018年本机关共受理申请36件',
  '编号：13912345',
  '1991234567',
  '坐标 123.456789, 41.802345',
  '会议室 024 号',
  '产值 4000.12 万元',
  'ISBN 978-7-5327-1234-5',
  '密码学研究与应用',
  '第2018-0012345号决定',
];

/**
 * Harmless texts the rules flag on purpose (decision 0030: a false positive costs a click, a
 * false negative a leak): a Luhn-valid invoice number, and 不宜公开 in a sentence about the law.
 */
const KNOWN_FALSE_POSITIVES: Array<[string, FindingKind]> = [
  ['发票号码 4000123412341234', 'bankCard'],
  ['依申请公开中对不宜公开的信息应当说明理由', 'classification'],
];

const kindsIn = (text: string) => detect(text, WORDS).map((finding) => finding.kind);

const tally = (() => {
  let truePositives = 0;
  let falsePositives = 0;
  for (const [text, expected] of POSITIVE) {
    for (const kind of kindsIn(text)) {
      if (expected.includes(kind)) truePositives += 1;
      else falsePositives += 1;
    }
  }
  for (const text of [...NEGATIVE, ...KNOWN_FALSE_POSITIVES.map(([text]) => text)]) {
    falsePositives += kindsIn(text).length;
  }
  const recalled = POSITIVE.filter(([text, expected]) =>
    expected.every((kind) => kindsIn(text).includes(kind))
  ).length;
  return {
    truePositives,
    falsePositives,
    precision: truePositives / (truePositives + falsePositives),
    recall: recalled / POSITIVE.length,
  };
})();

const negatives = NEGATIVE.length + KNOWN_FALSE_POSITIVES.length;

describe(`the pre-screen on ${POSITIVE.length} positive and ${negatives} negative samples: precision ${tally.precision.toFixed(3)} (${tally.truePositives} true, ${tally.falsePositives} false findings), recall ${tally.recall.toFixed(3)}`, () => {
  it('has at least 40 samples of each', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(40);
    expect(negatives).toBeGreaterThanOrEqual(40);
  });

  it.each(POSITIVE)('finds it in %j: %j', (text, expected) => {
    expect([...new Set(kindsIn(text))].sort()).toEqual([...expected].sort());
  });

  it.each(NEGATIVE)('finds nothing in %j', (text) => {
    expect(detect(text, WORDS)).toEqual([]);
  });

  it.each(KNOWN_FALSE_POSITIVES)('flags %j as %s, on purpose', (text, kind) => {
    expect(kindsIn(text)).toEqual([kind]);
  });

  it('misses no positive sample and keeps precision at the stated figure', () => {
    expect(tally.recall).toBe(1);
    expect(tally.falsePositives).toBe(KNOWN_FALSE_POSITIVES.length);
    expect(tally.precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe('check digits', () => {
  it('accepts 居民身份证号码 with the MOD 11-2 check character, X included', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310020')).toBe(false);
  });

  it('refuses a date of birth that does not exist', () => {
    expect(isValidIdNumber('210211198802290018')).toBe(true);
    expect(isValidIdNumber('210211198902290015')).toBe(false);
  });

  it('applies the Luhn check', () => {
    expect(passesLuhn('6222021234567890128')).toBe(true);
    expect(passesLuhn('6222021234567890129')).toBe(false);
  });
});

describe('excerpts', () => {
  it('mask numbers in the middle, in the match and in its context', () => {
    const [id] = detect('身份证号11010519491231002X，卡号6222021234567890128');
    expect(id.excerpt).not.toContain('19491231');
    expect(id.excerpt).toContain('110*************2X');
    const [, card] = detect('身份证号11010519491231002X，卡号6222021234567890128');
    expect(card.kind).toBe('bankCard');
    expect(card.excerpt).toContain('6222***********0128');
    expect(detect('手机13812345678')[0].excerpt).toBe('手机138****5678');
    expect(detect('邮箱 zhangsan@example.com')[0].excerpt).toBe('邮箱 z***@example.com');
  });

  it('keep the position of the finding in the original text', () => {
    const text = '标题\n秘密★1年';
    const [mark] = detect(text);
    expect(text.slice(mark.start, mark.end)).toBe('秘密★');
  });

  it('mask what they are told to', () => {
    expect(maskMiddle('138-1234-5678', 3, 4)).toBe('138-****-5678');
  });
});
